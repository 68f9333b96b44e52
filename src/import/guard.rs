//! Which addresses the import may reach: a feed fetched from a public host cannot make
//! carnets connect to this machine or its private network (a server-side request forgery
//! through an enclosure, a redirect or a DNS answer). The check is in the resolver every
//! connection goes through, so it holds whatever a name resolves to at that moment.

use crate::t;
use std::net::IpAddr;

use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Which addresses requests may reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The feed came from this machine, a private network or a file: anything goes.
    Anywhere,
    /// The feed came from a public host: only public addresses.
    PublicOnly,
}

/// True for an address of the public Internet: not loopback, private (RFC 1918, unique
/// local), link-local, shared (RFC 6598), unspecified, multicast or documentation.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// The system resolver, its answers checked against the [`Reach`].
#[derive(Debug)]
pub(super) struct Guarded {
    pub(super) reach: Reach,
    pub(super) inner: DefaultResolver,
}

/// A private address refused: carried through ureq's error to say so plainly.
#[derive(Debug)]
pub(super) struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

impl Resolver for Guarded {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let found = self.inner.resolve(uri, config, timeout)?;
        if self.reach == Reach::Anywhere {
            return Ok(found);
        }
        let mut kept = self.inner.empty();
        for addr in found.iter().filter(|a| is_public(a.ip())) {
            kept.push(*addr);
        }
        match (kept.is_empty(), found.first()) {
            (true, Some(addr)) => Err(ureq::Error::Other(Box::new(Refused(t!(
                "import-private-address",
                host = uri.host().unwrap_or_default(),
                ip = addr.ip().to_string()
            ))))),
            _ => Ok(kept),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "93.184.215.14",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
            "1.1.1.1",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }
}
