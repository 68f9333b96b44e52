//! `value:` (show or episode): Lightning payments from listeners, shared between recipients,
//! each a Lightning address (`lnaddress`) or a node's public key (`node`), the splits in
//! percent adding up to 100.

use serde::Deserialize;

use crate::model::{Value, ValueAddress, ValueRecipient};
use crate::show::checker::Checker;
use crate::show::validate;
use crate::show::yaml::Spanned;
use crate::t;

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
                f.write_str(&t!("config-text-expecting"))
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
                t!("config-value-method", value = m.value.as_str()),
                &t!("config-value-method-help"),
            );
            return None;
        }
    };
    let suggested = match &raw.value.suggested {
        Some(s) if !(s.value > 0.0 && s.value < 1.0) => {
            check.error_help(
                s,
                t!("config-value-suggested", value = s.value.to_string()),
                &t!("config-value-suggested-help"),
            );
            return None;
        }
        other => other.as_ref().map(|s| s.value),
    };
    if raw.value.recipients.is_empty() {
        check.error_help(
            raw,
            t!("config-value-no-recipient"),
            &t!("config-value-no-recipient-help"),
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
            t!("config-value-splits", total = total),
            &t!("config-value-splits-help"),
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
                    t!("config-value-lnaddress", value = ln.value.as_str()),
                    &t!("config-value-lnaddress-help"),
                );
                return None;
            }
        },
        (None, Some(node)) => {
            let key = node.value.trim().to_ascii_lowercase();
            let hex = key.len() == 66 && key.bytes().all(|b| b.is_ascii_hexdigit());
            if !hex || !(key.starts_with("02") || key.starts_with("03")) {
                check.error_help(node, t!("config-value-node"), &t!("config-value-node-help"));
                return None;
            }
            ValueAddress::Node(key)
        }
        _ => {
            check.error_help(
                raw,
                t!("config-value-no-address"),
                &t!("config-value-no-address-help"),
            );
            return None;
        }
    };
    if r.split.value == 0 {
        check.error_help(
            &r.split,
            t!("config-value-split-zero"),
            &t!("config-value-split-zero-help"),
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
            t!("config-value-custom-key", value = key.value.0.as_str()),
            &t!("config-value-custom-key-help"),
        );
        return None;
    }
    if custom_key.is_some() != custom_value.is_some() {
        check.error_help(
            raw,
            t!("config-value-custom-pair"),
            &t!("config-value-custom-pair-help"),
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
