//! The response type: any error body, known code or not, kept member for member.
//!
//! Text equal to the catalogue's is kept as a borrowed `&'static str`, so reading a
//! canonical body allocates nothing; anything else the server sent is owned, and
//! extension members keep their order so a body is written back as it was read.

use proc_macro2::TokenStream;
use quote::quote;

use super::Names;
use crate::catalogue::Catalogue;

/// The struct, its accessors and its `core` trait impls.
pub fn items(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let Names {
        enum_name,
        response,
        ..
    } = names;
    let wire = &catalogue.wire;
    let type_doc = format!(
        " Any `{enum_name}` body as the server sent it: a known or unknown code, the \
         server's own `{}` and `{}`, and every extension member, in order.",
        wire.description, wire.uri
    );
    let builders = builders(catalogue, names);
    let from_json = from_json(catalogue, names);
    let accessors = accessors(names);
    let traits = trait_impls(names);
    quote! {
        #[doc = #type_doc]
        ///
        /// Serializing it writes back the members it was read from. Reading a body
        /// whose text is the catalogue's own does not allocate.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct #response {
            known: ::core::option::Option<#enum_name>,
            code: ::std::borrow::Cow<'static, str>,
            description: ::core::option::Option<::std::borrow::Cow<'static, str>>,
            uri: ::core::option::Option<::std::borrow::Cow<'static, str>>,
            extensions: ::std::vec::Vec<(::std::string::String, ::serde_json::Value)>,
        }

        #builders
        #from_json
        #accessors
        #traits
    }
}

/// `from_json`: the catalogue's own bodies are recognised by comparing bytes, since
/// clients mostly receive exactly those; anything else goes through `serde_json`.
fn from_json(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let Names {
        enum_name,
        response,
        ..
    } = names;
    // `{"error":"`: the start of every canonical body, member name JSON-escaped.
    let prefix = proc_macro2::Literal::byte_string(
        format!(
            "{{{}:\"",
            serde_json::Value::from(catalogue.wire.code.as_str())
        )
        .as_bytes(),
    );
    let doc = format!(
        " Reads a JSON body, as `serde_json::from_slice` does. A body that is byte for \
         byte one of the catalogue's own ([`{enum_name}::json`]) is recognised by one \
         lookup and one comparison, without parsing and without allocating."
    );
    quote! {
        impl #response {
            #[doc = #doc]
            ///
            /// # Errors
            ///
            /// When the body is not an error body, with `serde_json`'s message.
            pub fn from_json(body: &[u8]) -> ::core::result::Result<Self, ::serde_json::Error> {
                if let ::core::option::Option::Some(rest) = body.strip_prefix(#prefix) {
                    let code = rest.iter().position(|&byte| byte == b'"').map(|end| &rest[..end]);
                    // No let-chains: the code must build on edition 2021 too.
                    let known = code
                        .and_then(|code| ::core::str::from_utf8(code).ok())
                        .and_then(#enum_name::from_code)
                        .filter(|known| body == known.json().as_bytes());
                    if let ::core::option::Option::Some(known) = known {
                        return ::core::result::Result::Ok(Self::from(known));
                    }
                }
                ::serde_json::from_slice(body)
            }
        }
    }
}

/// `new` and the `with_*` builders, for servers that answer with a response.
fn builders(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let Names {
        enum_name,
        response,
        ..
    } = names;
    let wire = &catalogue.wire;
    let (code, description, uri) = (&wire.code, &wire.description, &wire.uri);
    quote! {
        impl #response {
            /// A body with only a code; the code need not be in the catalogue.
            #[must_use]
            pub fn new(code: &str) -> Self {
                let known = #enum_name::from_code(code);
                Self {
                    known,
                    code: match known {
                        ::core::option::Option::Some(known) => ::std::borrow::Cow::Borrowed(known.code()),
                        ::core::option::Option::None => ::std::borrow::Cow::Owned(::std::borrow::ToOwned::to_owned(code)),
                    },
                    description: ::core::option::Option::None,
                    uri: ::core::option::Option::None,
                    extensions: ::std::vec::Vec::new(),
                }
            }

            /// Replaces the description.
            #[must_use]
            pub fn with_description(mut self, description: impl ::core::convert::Into<::std::string::String>) -> Self {
                self.description = ::core::option::Option::Some(::std::borrow::Cow::Owned(description.into()));
                self
            }

            /// Replaces the URI.
            #[must_use]
            pub fn with_uri(mut self, uri: impl ::core::convert::Into<::std::string::String>) -> Self {
                self.uri = ::core::option::Option::Some(::std::borrow::Cow::Owned(uri.into()));
                self
            }

            /// Sets an extension member (such as `interval` on `slow_down`), replacing
            /// one of the same name. A wire member's name is ignored here: use the
            /// other builders for those.
            #[must_use]
            pub fn with_extension(mut self, name: impl ::core::convert::Into<::std::string::String>, value: impl ::core::convert::Into<::serde_json::Value>) -> Self {
                let name = name.into();
                let value = value.into();
                if name != #code && name != #description && name != #uri {
                    match self.extensions.iter_mut().find(|(existing, _)| *existing == name) {
                        ::core::option::Option::Some(slot) => slot.1 = value,
                        ::core::option::Option::None => self.extensions.push((name, value)),
                    }
                }
                self
            }
        }
    }
}

fn accessors(names: &Names) -> TokenStream {
    let Names {
        enum_name,
        response,
        ..
    } = names;
    quote! {
        impl #response {
            /// The catalogue's variant, when the code is in the catalogue.
            #[must_use]
            pub fn known(&self) -> ::core::option::Option<#enum_name> {
                self.known
            }

            /// The code, exactly as sent.
            #[must_use]
            pub fn code(&self) -> &str {
                &self.code
            }

            /// The description the server sent, which may differ from the catalogue's.
            #[must_use]
            pub fn description(&self) -> ::core::option::Option<&str> {
                self.description.as_deref()
            }

            /// The URI the server sent, which may differ from the catalogue's.
            #[must_use]
            pub fn uri(&self) -> ::core::option::Option<&str> {
                self.uri.as_deref()
            }

            /// The extension member called `name`.
            #[must_use]
            pub fn extension(&self, name: &str) -> ::core::option::Option<&::serde_json::Value> {
                self.extensions.iter().find(|(existing, _)| existing == name).map(|(_, value)| value)
            }

            /// Every extension member, in the order the server sent them.
            pub fn extensions(&self) -> impl ::core::iter::Iterator<Item = (&str, &::serde_json::Value)> {
                self.extensions.iter().map(|(name, value)| (name.as_str(), value))
            }
        }
    }
}

fn trait_impls(names: &Names) -> TokenStream {
    let Names {
        enum_name,
        response,
        ..
    } = names;
    quote! {
        #[automatically_derived]
        impl ::core::convert::From<#enum_name> for #response {
            fn from(error: #enum_name) -> Self {
                Self {
                    known: ::core::option::Option::Some(error),
                    code: ::std::borrow::Cow::Borrowed(error.code()),
                    description: ::core::option::Option::Some(::std::borrow::Cow::Borrowed(error.description())),
                    uri: error.uri().map(::std::borrow::Cow::Borrowed),
                    extensions: ::std::vec::Vec::new(),
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #response {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(&self.code)?;
                if let ::core::option::Option::Some(description) = &self.description {
                    f.write_str(": ")?;
                    f.write_str(description)?;
                }
                ::core::result::Result::Ok(())
            }
        }

        #[automatically_derived]
        impl ::core::error::Error for #response {}
    }
}

/// `Serialize` and `Deserialize`, placed in the anonymous const beside the enum's so
/// they share its `Member` and `Key` helpers.
pub fn serde_impls(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let enum_name = &names.enum_name;
    let serialize = serialize_impl(names);
    let seeds = seeds(enum_name);
    let deserialize = deserialize_impl(catalogue, names);
    quote! {
        #serialize
        #seeds
        #deserialize
    }
}

fn serialize_impl(names: &Names) -> TokenStream {
    let response = &names.response;
    quote! {
        #[automatically_derived]
        impl ::serde::Serialize for #response {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let len = 1
                    + usize::from(self.description.is_some())
                    + usize::from(self.uri.is_some())
                    + self.extensions.len();
                let mut body = serializer.serialize_map(::core::option::Option::Some(len))?;
                body.serialize_entry(Member::Code.name(), &*self.code)?;
                if let ::core::option::Option::Some(description) = &self.description {
                    body.serialize_entry(Member::Description.name(), &**description)?;
                }
                if let ::core::option::Option::Some(uri) = &self.uri {
                    body.serialize_entry(Member::Uri.name(), &**uri)?;
                }
                for (name, value) in &self.extensions {
                    body.serialize_entry(name, value)?;
                }
                body.end()
            }
        }
    }
}

/// The key and value readers of a response body.
fn seeds(enum_name: &proc_macro2::Ident) -> TokenStream {
    quote! {
        /// A key of a response body: a wire member or an extension member.
        enum ResponseKey {
            Member(Member),
            Extension(::std::string::String),
        }

        impl<'de> ::serde::Deserialize<'de> for ResponseKey {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                struct ResponseKeyVisitor;

                impl ::serde::de::Visitor<'_> for ResponseKeyVisitor {
                    type Value = ResponseKey;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("a member name")
                    }

                    fn visit_str<E: ::serde::de::Error>(self, name: &str) -> ::core::result::Result<ResponseKey, E> {
                        ::core::result::Result::Ok(match Member::of(name) {
                            ::core::option::Option::Some(member) => ResponseKey::Member(member),
                            ::core::option::Option::None => ResponseKey::Extension(::std::borrow::ToOwned::to_owned(name)),
                        })
                    }
                }

                deserializer.deserialize_identifier(ResponseKeyVisitor)
            }
        }

        /// Any code: borrowed from the catalogue when known, owned otherwise. An
        /// empty code is no code (a bare `error=` in a form body): an error.
        struct AnyCode;

        impl ::serde::de::Visitor<'_> for AnyCode {
            type Value = (::core::option::Option<#enum_name>, ::std::borrow::Cow<'static, str>);

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("a non-empty string")
            }

            fn visit_str<E: ::serde::de::Error>(self, code: &str) -> ::core::result::Result<Self::Value, E> {
                if code.is_empty() {
                    return ::core::result::Result::Err(E::invalid_value(::serde::de::Unexpected::Str(code), &self));
                }
                ::core::result::Result::Ok(match #enum_name::from_code(code) {
                    ::core::option::Option::Some(known) => (::core::option::Option::Some(known), ::std::borrow::Cow::Borrowed(known.code())),
                    ::core::option::Option::None => (::core::option::Option::None, ::std::borrow::Cow::Owned(::std::borrow::ToOwned::to_owned(code))),
                })
            }
        }

        impl<'de> ::serde::de::DeserializeSeed<'de> for AnyCode {
            type Value = (::core::option::Option<#enum_name>, ::std::borrow::Cow<'static, str>);

            fn deserialize<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::core::result::Result<Self::Value, D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        /// A description or URI (or null): borrowed when it equals `catalogue`, the
        /// known error's own text, owned otherwise.
        struct Text {
            catalogue: ::core::option::Option<&'static str>,
        }

        impl<'de> ::serde::de::Visitor<'de> for Text {
            type Value = ::core::option::Option<::std::borrow::Cow<'static, str>>;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: ::serde::de::Error>(self, text: &str) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::Some(match self.catalogue {
                    ::core::option::Option::Some(own) if own == text => ::std::borrow::Cow::Borrowed(own),
                    _ => ::std::borrow::Cow::Owned(::std::borrow::ToOwned::to_owned(text)),
                }))
            }

            fn visit_none<E: ::serde::de::Error>(self) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_unit<E: ::serde::de::Error>(self) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_some<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::core::result::Result<Self::Value, D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        impl<'de> ::serde::de::DeserializeSeed<'de> for Text {
            type Value = ::core::option::Option<::std::borrow::Cow<'static, str>>;

            fn deserialize<D: ::serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> ::core::result::Result<Self::Value, D::Error> {
                deserializer.deserialize_option(self)
            }
        }
    }
}

fn deserialize_impl(catalogue: &Catalogue, names: &Names) -> TokenStream {
    let Names {
        enum_name,
        response,
        ..
    } = names;
    let expecting = format!(
        "an error body: a map with a `{}` member",
        catalogue.wire.code
    );
    quote! {
        #[automatically_derived]
        impl<'de> ::serde::Deserialize<'de> for #response {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                struct ResponseVisitor;

                impl<'de> ::serde::de::Visitor<'de> for ResponseVisitor {
                    type Value = #response;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::core::result::Result<#response, A::Error> {
                        use ::serde::de::Error as _;
                        let mut code = ::core::option::Option::None;
                        let mut description = ::core::option::Option::None;
                        let mut uri = ::core::option::Option::None;
                        let mut extensions: ::std::vec::Vec<(::std::string::String, ::serde_json::Value)> = ::std::vec::Vec::new();
                        while let ::core::option::Option::Some(key) = map.next_key::<ResponseKey>()? {
                            let known: ::core::option::Option<#enum_name> = code.as_ref().and_then(|(known, _)| *known);
                            match key {
                                ResponseKey::Member(Member::Code) if code.is_some() => {
                                    return ::core::result::Result::Err(A::Error::duplicate_field(Member::Code.name()));
                                }
                                ResponseKey::Member(Member::Code) => code = ::core::option::Option::Some(map.next_value_seed(AnyCode)?),
                                ResponseKey::Member(Member::Description) if description.is_some() => {
                                    return ::core::result::Result::Err(A::Error::duplicate_field(Member::Description.name()));
                                }
                                ResponseKey::Member(Member::Description) => {
                                    description = ::core::option::Option::Some(map.next_value_seed(Text { catalogue: known.map(#enum_name::description) })?);
                                }
                                ResponseKey::Member(Member::Uri) if uri.is_some() => {
                                    return ::core::result::Result::Err(A::Error::duplicate_field(Member::Uri.name()));
                                }
                                ResponseKey::Member(Member::Uri) => {
                                    uri = ::core::option::Option::Some(map.next_value_seed(Text { catalogue: known.and_then(#enum_name::uri) })?);
                                }
                                ResponseKey::Extension(name) => {
                                    if extensions.iter().any(|(existing, _)| *existing == name) {
                                        return ::core::result::Result::Err(A::Error::custom(::core::format_args!("duplicate member {name:?}")));
                                    }
                                    let value = map.next_value()?;
                                    extensions.push((name, value));
                                }
                            }
                        }
                        let (known, code) = code.ok_or_else(|| A::Error::missing_field(Member::Code.name()))?;
                        ::core::result::Result::Ok(#response {
                            known,
                            code,
                            description: description.flatten(),
                            uri: uri.flatten(),
                            extensions,
                        })
                    }
                }

                deserializer.deserialize_map(ResponseVisitor)
            }
        }
    }
}
