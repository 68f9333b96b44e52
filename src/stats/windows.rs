//! The listeners' open windows ([`super::count`]), by their digests: a table of open
//! addressing (linear probing) that reads its slots ahead ([`Windows::touch`]). The windows
//! of a few hundred thousand listeners are far bigger than the caches, and most look-ups are
//! for a listener with no window yet; read ahead, their loads from memory overlap instead of
//! waiting one after the other.
//!
//! Beside the slots, a byte per slot says whether it is empty, removed, or full, with 7 bits
//! of its key: a probe walks these bytes, which fit in the cache, and reads a slot only when
//! they agree. A closed window's slot is marked removed (the probes go on through it) and
//! taken again by the next window that probes it; the table is rebuilt when its removed and
//! full slots together fill three quarters of it.

use super::agents::AgentId;

/// A listener's requests for an episode within 24 hours of the first.
#[derive(Clone, Copy, Debug, Default)]
pub struct Window {
    key: u64,
    pub start: i64,
    pub bytes: u64,
    pub agent: AgentId,
    /// The bytes have reached the episode's threshold: a download.
    pub reached: bool,
}

impl Window {
    /// Opens the next window of this listener, returning the one it closes.
    pub fn reopen(&mut self, start: i64, agent: AgentId) -> Window {
        let closed = *self;
        (self.start, self.bytes, self.agent, self.reached) = (start, 0, agent, false);
        closed
    }
}

/// A slot's byte: one of these, or a full slot's [`tag`].
const EMPTY: u8 = 0x80;
const REMOVED: u8 = 0x81;

/// The top 7 bits of a key (the low ones choose its slot).
fn tag(key: u64) -> u8 {
    (key >> 57) as u8
}

/// The windows, by [`super::scan::Hit::listener`].
pub struct Windows {
    /// A power of two of them.
    slots: Vec<Window>,
    tags: Vec<u8>,
    full: usize,
    removed: usize,
}

/// The fewest slots.
const SMALLEST: usize = 1 << 10;

impl Default for Windows {
    fn default() -> Self {
        Windows::with_slots(SMALLEST)
    }
}

impl Windows {
    fn with_slots(len: usize) -> Self {
        Windows {
            slots: vec![Window::default(); len],
            tags: vec![EMPTY; len],
            full: 0,
            removed: 0,
        }
    }

    /// Where the probe for a key starts. The keys are digests already: their low bits are as
    /// good as a hash's.
    fn home(&self, key: u64) -> usize {
        key as usize & (self.slots.len() - 1)
    }

    /// Reads ahead what the look-ups of these keys will read, without waiting for one before
    /// asking for the next, so that the look-ups find it in the cache: the probe's first byte,
    /// and its slot when the byte agrees with the key (a listener with a window). A listener
    /// without one costs no read of the slots: the pages of a big table are more than the
    /// processor's page tables cache, and each read of one costs a walk of them.
    pub fn touch(&self, keys: impl Iterator<Item = u64>) {
        let mut seen = 0;
        for key in keys {
            let home = self.home(key);
            if self.tags[home] == tag(key) {
                seen ^= self.slots[home].key;
            }
        }
        // Loads whose values are never used would not be made at all.
        std::hint::black_box(seen);
    }

    /// The window of `key`, and whether it was opened now (at `start`, by `agent`) because
    /// the listener had none.
    pub fn open(&mut self, key: u64, start: i64, agent: AgentId) -> (&mut Window, bool) {
        if (self.full + self.removed + 1) * 4 > self.slots.len() * 3 {
            self.rebuild();
        }
        let mask = self.slots.len() - 1;
        let tag = tag(key);
        let mut at = self.home(key);
        let mut free = None;
        loop {
            match self.tags[at] {
                EMPTY => break,
                REMOVED => {
                    free.get_or_insert(at);
                }
                t if t == tag && self.slots[at].key == key => return (&mut self.slots[at], false),
                _ => {}
            }
            at = (at + 1) & mask;
        }
        let at = free.unwrap_or(at);
        if self.tags[at] == REMOVED {
            self.removed -= 1;
        }
        self.full += 1;
        self.tags[at] = tag;
        self.slots[at] = Window {
            key,
            start,
            bytes: 0,
            agent,
            reached: false,
        };
        (&mut self.slots[at], true)
    }

    /// Keeps the windows for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&Window) -> bool) {
        let mask = self.slots.len() - 1;
        // Backwards, so that a run of removed slots before an empty one empties whole: no
        // probe goes on past a slot followed by an empty one.
        for at in (0..self.slots.len()).rev() {
            if self.tags[at] < EMPTY && !keep(&self.slots[at]) {
                self.tags[at] = REMOVED;
                self.full -= 1;
                self.removed += 1;
            }
            if self.tags[at] == REMOVED && self.tags[(at + 1) & mask] == EMPTY {
                self.tags[at] = EMPTY;
                self.removed -= 1;
            }
        }
    }

    /// The same windows in a table of twice as many slots (at least), none removed.
    fn rebuild(&mut self) {
        let len = ((self.full + 1) * 2).next_power_of_two().max(SMALLEST);
        let old = std::mem::replace(self, Windows::with_slots(len));
        let full = old.slots.iter().zip(&old.tags).filter(|(_, t)| **t < EMPTY);
        for (window, _) in full {
            let (slot, _) = self.open(window.key, window.start, window.agent);
            *slot = *window;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys that share their first slot, and the table grown, swept and grown again, against
    /// a map.
    #[test]
    fn windows_are_found_again_through_removals_and_rebuilds() {
        let mut windows = Windows::default();
        let mut truth = std::collections::HashMap::new();
        let key = |i: u64| ((i % 7) << 40) | ((i % 5) * SMALLEST as u64);
        for round in 0..6u64 {
            for i in 0..2_000u64 {
                let k = key(i) ^ (i.wrapping_mul(0x9e37_79b9) << 20);
                let (window, new) = windows.open(k, round as i64, 0);
                assert_eq!(new, !truth.contains_key(&k), "round {round}, key {i}");
                window.bytes += i;
                *truth.entry(k).or_insert(0) += i;
            }
            windows.retain(|w| w.key % 3 != round % 3);
            truth.retain(|k, _| k % 3 != round % 3);
            assert_eq!(windows.full, truth.len());
            for (k, bytes) in &truth {
                let (window, new) = windows.open(*k, 0, 0);
                assert!(!new);
                assert_eq!(window.bytes, *bytes);
            }
        }
        windows.retain(|_| false);
        assert_eq!(windows.full, 0);
        assert!(windows.tags.iter().all(|t| *t >= EMPTY));
    }
}
