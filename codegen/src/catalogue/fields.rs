//! The keys each mapping of the format allows, read from the serde types
//! themselves, so the key walk in `validate` can never disagree with them.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

/// The field names `T`'s derived `Deserialize` asks for.
pub fn of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Introspect {
        fields: &mut fields,
    });
    fields
}

/// A deserializer that records the fields of the struct asked for, then stops.
struct Introspect<'a> {
    fields: &'a mut &'static [&'static str],
}

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field introspection")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for Introspect<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.fields = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::super::raw::{RawEntry, RawWire};

    #[test]
    fn reads_the_fields_in_declaration_order() {
        assert_eq!(super::of::<RawWire>(), ["code", "description", "uri"]);
        assert_eq!(
            super::of::<RawEntry>(),
            [
                "code",
                "title",
                "description",
                "uri",
                "summary",
                "resolution",
                "heading_level",
                "variant"
            ]
        );
    }
}
