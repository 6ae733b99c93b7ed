//! `Serialize` and `Deserialize` for the enum: the exact wire body.
//!
//! Hand-written visitors rather than a derive, so the body's member names come
//! from the catalogue, the code alone picks the variant, and reading a body never
//! allocates (the code is matched as a borrowed or transient `&str`).

use proc_macro2::TokenStream;
use quote::quote;

use super::Names;
use crate::catalogue::Catalogue;

pub fn items(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let serialize = serialize_impl(catalogue, names);
    let deserialize = deserialize_impl(catalogue, names);
    let members = member_keys(catalogue);
    let code_seed = code_seed(names);
    // The helpers are shared by the enum's and the response type's impls, and kept
    // out of the caller's namespace in an anonymous const, as serde's derive does.
    let response = super::response::serde_impls(catalogue, names);
    quote! {
        #serialize
        const _: () = {
            #members
            #code_seed
            #deserialize
            #response
        };
    }
}

fn serialize_impl(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let enum_name = &names.enum_name;
    let type_name = enum_name.to_string();
    let (code, description, uri) = (
        &catalogue.wire.code,
        &catalogue.wire.description,
        &catalogue.wire.uri,
    );
    quote! {
        #[automatically_derived]
        impl ::serde::Serialize for #enum_name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let uri = self.uri();
                let len = if uri.is_some() { 3 } else { 2 };
                let mut body = serializer.serialize_struct(#type_name, len)?;
                body.serialize_field(#code, self.code())?;
                body.serialize_field(#description, self.description())?;
                match uri {
                    ::core::option::Option::Some(uri) => body.serialize_field(#uri, uri)?,
                    ::core::option::Option::None => body.skip_field(#uri)?,
                }
                body.end()
            }
        }
    }
}

/// `Member`: which wire member a key names; `Keys` reads a key without allocating.
fn member_keys(catalogue: &Catalogue) -> TokenStream {
    let (code, description, uri) = (
        &catalogue.wire.code,
        &catalogue.wire.description,
        &catalogue.wire.uri,
    );
    quote! {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum Member {
            Code,
            Description,
            Uri,
        }

        impl Member {
            fn of(name: &str) -> ::core::option::Option<Self> {
                match name {
                    #code => ::core::option::Option::Some(Self::Code),
                    #description => ::core::option::Option::Some(Self::Description),
                    #uri => ::core::option::Option::Some(Self::Uri),
                    _ => ::core::option::Option::None,
                }
            }

            const fn name(self) -> &'static str {
                match self {
                    Self::Code => #code,
                    Self::Description => #description,
                    Self::Uri => #uri,
                }
            }
        }

        /// A key of the body: a wire member, or any other member (skipped).
        struct Key(::core::option::Option<Member>);

        impl<'de> ::serde::Deserialize<'de> for Key {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                struct KeyVisitor;

                impl ::serde::de::Visitor<'_> for KeyVisitor {
                    type Value = Key;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("a member name")
                    }

                    fn visit_str<E: ::serde::de::Error>(self, name: &str) -> ::core::result::Result<Key, E> {
                        ::core::result::Result::Ok(Key(Member::of(name)))
                    }
                }

                deserializer.deserialize_identifier(KeyVisitor)
            }
        }

        /// A description or URI member: a string or null, checked but not kept.
        struct TextCheck;

        impl<'de> ::serde::de::Visitor<'de> for TextCheck {
            type Value = ();

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: ::serde::de::Error>(self, _: &str) -> ::core::result::Result<(), E> {
                ::core::result::Result::Ok(())
            }

            fn visit_none<E: ::serde::de::Error>(self) -> ::core::result::Result<(), E> {
                ::core::result::Result::Ok(())
            }

            fn visit_unit<E: ::serde::de::Error>(self) -> ::core::result::Result<(), E> {
                ::core::result::Result::Ok(())
            }

            fn visit_some<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::core::result::Result<(), D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        impl<'de> ::serde::de::DeserializeSeed<'de> for TextCheck {
            type Value = ();

            fn deserialize<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::core::result::Result<(), D::Error> {
                deserializer.deserialize_option(self)
            }
        }
    }
}

/// `CodeSeed`: the code member, looked up without allocating; `Err` holds nothing
/// so an unknown code can be reported with the text it had.
fn code_seed(names: &Names) -> TokenStream {
    let enum_name = &names.enum_name;
    let expecting = format!("a {enum_name} code");
    let unknown = format!("unknown {enum_name} code {{code:?}}");
    quote! {
        /// The code member of a body that must hold a known code.
        struct KnownCode;

        impl ::serde::de::Visitor<'_> for KnownCode {
            type Value = #enum_name;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#expecting)
            }

            fn visit_str<E: ::serde::de::Error>(self, code: &str) -> ::core::result::Result<#enum_name, E> {
                #enum_name::from_code(code)
                    .ok_or_else(|| E::custom(::core::format_args!(#unknown)))
            }
        }

        impl<'de> ::serde::de::DeserializeSeed<'de> for KnownCode {
            type Value = #enum_name;

            fn deserialize<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::core::result::Result<#enum_name, D::Error> {
                deserializer.deserialize_str(self)
            }
        }
    }
}

fn deserialize_impl(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let enum_name = &names.enum_name;
    let expecting = format!(
        "a {enum_name} body: a map with a `{}` member",
        catalogue.wire.code
    );
    quote! {
        #[automatically_derived]
        impl<'de> ::serde::Deserialize<'de> for #enum_name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                struct BodyVisitor;

                impl<'de> ::serde::de::Visitor<'de> for BodyVisitor {
                    type Value = #enum_name;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::core::result::Result<#enum_name, A::Error> {
                        use ::serde::de::Error as _;
                        let mut code = ::core::option::Option::None;
                        let mut seen = [false; 3];
                        while let ::core::option::Option::Some(Key(member)) = map.next_key()? {
                            let ::core::option::Option::Some(member) = member else {
                                map.next_value::<::serde::de::IgnoredAny>()?;
                                continue;
                            };
                            if ::core::mem::replace(&mut seen[member as usize], true) {
                                return ::core::result::Result::Err(A::Error::duplicate_field(member.name()));
                            }
                            match member {
                                Member::Code => code = ::core::option::Option::Some(map.next_value_seed(KnownCode)?),
                                Member::Description | Member::Uri => {
                                    map.next_value_seed(TextCheck)?;
                                }
                            }
                        }
                        code.ok_or_else(|| A::Error::missing_field(Member::Code.name()))
                    }
                }

                deserializer.deserialize_map(BodyVisitor)
            }
        }
    }
}
