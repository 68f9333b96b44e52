//! `value:` (show or episode): Lightning payments from listeners, shared between recipients,
//! each a Lightning address (`lnaddress`) or a node's public key (`node`), the splits in
//! percent adding up to 100.

use serde::Deserialize;

use crate::model::{Value, ValueAddress, ValueRecipient};
use crate::show::checker::Checker;
use crate::show::validate;
use crate::show::yaml::Spanned;

/// `value: {suggested: 0.00000005, recipients: [{name: …, lnaddress: …, split: 90}, …]}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawValue {
    pub method: Option<Spanned<String>>,
    pub suggested: Option<Spanned<f64>>,
    pub recipients: Vec<Spanned<RawRecipient>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRecipient {
    pub name: Option<String>,
    pub lnaddress: Option<Spanned<String>>,
    pub node: Option<Spanned<String>>,
    pub split: Spanned<u32>,
    #[serde(default)]
    pub fee: bool,
    pub custom_key: Option<Spanned<Text>>,
    pub custom_value: Option<Spanned<Text>>,
}

/// A text that YAML may have read as a number (`custom_key: 696969`).
pub(crate) struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text or a number")
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Text, E> {
                Ok(Text(value.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Text, E> {
                Ok(Text(value.to_string()))
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text(value.trim().to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The lowest `customKey`: keysend TLV records below 2^16 are reserved.
const MIN_CUSTOM_KEY: u64 = 1 << 16;

/// Checks a value block: its method, its suggestion, every recipient and the splits' sum.
pub(crate) fn value(raw: &Spanned<RawValue>, check: &mut Checker) -> Option<Value> {
    let method = match &raw.value.method {
        None => "keysend".to_string(),
        Some(m) if matches!(m.value.trim(), "keysend" | "amp") => m.value.trim().to_string(),
        Some(m) => {
            check.error_help(
                m,
                format!("`{}` is not a Lightning payment method", m.value),
                "write `keysend` (the default) or `amp`",
            );
            return None;
        }
    };
    let suggested = match &raw.value.suggested {
        Some(s) if !(s.value > 0.0 && s.value < 1.0) => {
            check.error_help(
                s,
                format!(
                    "`suggested: {}` is not an amount per minute in bitcoins",
                    s.value
                ),
                "write a small amount in BTC: 0.00000005 is 5 sats",
            );
            return None;
        }
        other => other.as_ref().map(|s| s.value),
    };
    if raw.value.recipients.is_empty() {
        check.error_help(
            raw,
            "`value` needs at least one recipient",
            "add `recipients: [{name: …, lnaddress: nom@getalby.com, split: 100}]`",
        );
        return None;
    }
    let recipients: Vec<ValueRecipient> = raw
        .value
        .recipients
        .iter()
        .filter_map(|r| recipient(r, check))
        .collect();
    if recipients.len() != raw.value.recipients.len() {
        return None;
    }
    let total: u32 = recipients.iter().map(|r| r.split).sum();
    if total != 100 {
        check.error_help(
            raw,
            format!("the splits of `value` add up to {total}, not 100"),
            "give each recipient its percent of what listeners send: the splits must add up to 100",
        );
        return None;
    }
    Some(Value {
        method,
        suggested,
        recipients,
    })
}

fn recipient(raw: &Spanned<RawRecipient>, check: &mut Checker) -> Option<ValueRecipient> {
    let r = &raw.value;
    let address = match (&r.lnaddress, &r.node) {
        (Some(ln), None) => match validate::email(ln.value.trim()) {
            Ok(()) => ValueAddress::LnAddress(ln.value.trim().to_string()),
            Err(_) => {
                check.error_help(
                    ln,
                    format!("`{}` is not a Lightning address", ln.value),
                    "write it as your wallet gives it, like an e-mail address: nom@getalby.com",
                );
                return None;
            }
        },
        (None, Some(node)) => {
            let key = node.value.trim().to_ascii_lowercase();
            let hex = key.len() == 66 && key.bytes().all(|b| b.is_ascii_hexdigit());
            if !hex || !(key.starts_with("02") || key.starts_with("03")) {
                check.error_help(
                    node,
                    "a Lightning node is named by its public key: 66 hexadecimal digits starting with 02 or 03",
                    "copy the node's public key from your node or wallet",
                );
                return None;
            }
            ValueAddress::Node(key)
        }
        _ => {
            check.error_help(
                raw,
                "a recipient is paid at a Lightning address or a node: write one of `lnaddress` or `node`",
                "for example `lnaddress: nom@getalby.com`",
            );
            return None;
        }
    };
    if r.split.value == 0 {
        check.error_help(
            &r.split,
            "a split of 0 pays nothing",
            "remove the recipient, or give it its percent",
        );
        return None;
    }
    let text = |t: &Option<Spanned<Text>>| t.as_ref().map(|t| t.value.0.clone());
    let (custom_key, custom_value) = (text(&r.custom_key), text(&r.custom_value));
    if let Some(key) = &r.custom_key
        && key
            .value
            .0
            .parse::<u64>()
            .map_or(true, |k| k < MIN_CUSTOM_KEY)
    {
        check.error_help(
            key,
            format!(
                "`custom_key: {}` is not a keysend record number",
                key.value.0
            ),
            "copy it from your wallet's keysend details: a whole number of at least 65536",
        );
        return None;
    }
    if custom_key.is_some() != custom_value.is_some() {
        check.error_help(
            raw,
            "`custom_key` and `custom_value` go together",
            "write both, as your wallet's keysend details give them, or neither",
        );
        return None;
    }
    Some(ValueRecipient {
        name: r
            .name
            .as_ref()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty()),
        address,
        split: r.split.value,
        fee: r.fee,
        custom_key,
        custom_value,
    })
}
