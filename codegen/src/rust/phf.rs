//! The perfect hash behind the generated `from_code`, computed at generation time.
//!
//! "Hash, displace and compress" (Belazzougui, Botelho and Dietzfelbinger), as
//! rust-phf builds it: each code hashes to a bucket, and each bucket gets a pair of
//! displacements that sends its codes to free slots of a table exactly as long as
//! the catalogue. A lookup is then one hash of the code, two table reads and one
//! string comparison, whatever the number of codes, and the generated code needs
//! no crate: the hash is a few lines of `core` emitted beside the tables.
//!
//! Hashes are mapped onto the buckets and slots by multiplying ([`reduce`]), not by
//! `%`: a division by a table length that is not a power of two costs more than the
//! rest of the lookup's arithmetic, while a 4-code table's `% 4` is a mask, so `%`
//! made large catalogues pay for their size after all.
//!
//! The seed search is deterministic (seeds are tried in a fixed order), so the same
//! catalogue always gives the same tables.

/// Codes per bucket, on average: rust-phf's value, a good balance between the size
/// of the displacement table and the time the search takes.
const BUCKET_SIZE: usize = 5;

/// Multiplier of the hash: the 64-bit golden ratio, odd and with well-spread bits.
pub const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// How many seeds are tried before giving up. A seed fails when a bucket finds no
/// displacement, which happens now and then for tiny catalogues (four codes in one
/// bucket have only 16 displacements to choose from) and almost never for large
/// ones; a thousand failures in a row would take hash collisions of distinct codes.
const SEEDS: usize = 1_000;

/// The `n`-th seed: splitmix64 from a fixed start, so the search is the same on
/// every machine and every run.
fn seed(n: usize) -> u64 {
    let mut z =
        0x243F_6A88_85A3_08D3_u64.wrapping_add((n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What the second displacement is multiplied by before it is added: the 32-bit
/// golden ratio, so that consecutive displacements move a bucket's codes to
/// unrelated slots under [`reduce`] (a small offset added to the hash would move
/// none of them).
pub const SPREAD: u32 = 0x9E37_79B9;

/// `x` mapped onto `0..n`: the high half of `x * n` (Lemire's reduction).
#[must_use]
#[allow(clippy::cast_possible_truncation)] // the high half of `x * n` is below `n`
pub fn reduce(x: u32, n: usize) -> usize {
    ((u64::from(x) * n as u64) >> 32) as usize
}

/// The tables of a perfect hash over a list of codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The seed of [`hash`].
    pub seed: u64,
    /// `(d1, d2 * SPREAD)` of each bucket: what a lookup multiplies and adds.
    pub displacements: Vec<(u32, u32)>,
    /// For each slot, the position of its code in the list.
    pub slots: Vec<u32>,
}

impl PerfectHash {
    /// Tables for `codes`, which must be distinct and fewer than `u32::MAX`.
    /// Returns `None` when no seed works, which distinct codes never meet in practice.
    #[must_use]
    pub fn build(codes: &[&str]) -> Option<Self> {
        (0..SEEDS).find_map(|n| try_seed(seed(n), codes))
    }

    /// The slot of `code`: where a lookup finds the only candidate it compares.
    #[must_use]
    pub fn slot(&self, code: &str) -> usize {
        let hashes = Hashes::new(hash(self.seed, code.as_bytes()));
        let (d1, d2) = self.displacements[hashes.bucket(self.displacements.len())];
        hashes.slot(d1, d2, self.slots.len())
    }

    /// The position in the list of the one code that `code` may be.
    #[must_use]
    pub fn candidate(&self, code: &str) -> usize {
        self.slots[self.slot(code)] as usize
    }
}

/// The hash of a code. The generated `from_code` carries the same function, written
/// out in `rust::enum_items`; `generated_code_hashes_like_the_generator` in the
/// tests keeps the two in step.
#[must_use]
pub fn hash(seed: u64, bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let mut hash = seed ^ (len as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(MULTIPLIER);
        hash ^= hash >> 32;
    }
    // The last bytes are read with fixed-size loads (the last 8 again when there
    // are 8 or more; two overlapping 4-byte halves or three single bytes when
    // fewer), never with a variable-length copy that stalls the next load.
    let tail = if len >= 8 {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[len - 8..]);
        u64::from_le_bytes(word)
    } else if len >= 4 {
        let mut low = [0; 4];
        let mut high = [0; 4];
        low.copy_from_slice(&bytes[..4]);
        high.copy_from_slice(&bytes[len - 4..]);
        u64::from(u32::from_le_bytes(low)) | (u64::from(u32::from_le_bytes(high)) << 32)
    } else if len > 0 {
        u64::from(bytes[0]) | (u64::from(bytes[len / 2]) << 8) | (u64::from(bytes[len - 1]) << 16)
    } else {
        0
    };
    hash = (hash ^ tail).wrapping_mul(MULTIPLIER);
    hash ^= hash >> 29;
    hash = hash.wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 32)
}

/// The three numbers a lookup derives from one hash.
#[derive(Debug, Clone, Copy)]
struct Hashes {
    g: u32,
    f1: u32,
    f2: u32,
}

impl Hashes {
    #[allow(clippy::cast_possible_truncation)] // taking the halves of the hash is the point
    fn new(hash: u64) -> Self {
        Self {
            g: (hash >> 32) as u32,
            f1: hash as u32,
            f2: (hash.wrapping_mul(MULTIPLIER) >> 32) as u32,
        }
    }

    fn bucket(self, buckets: usize) -> usize {
        reduce(self.g, buckets)
    }

    /// `offset` is the second displacement already multiplied by [`SPREAD`].
    fn slot(self, d1: u32, offset: u32, len: usize) -> usize {
        reduce(
            self.f1
                .wrapping_mul(d1)
                .wrapping_add(self.f2)
                .wrapping_add(offset),
            len,
        )
    }
}

fn try_seed(seed: u64, codes: &[&str]) -> Option<PerfectHash> {
    let len = codes.len();
    let hashes: Vec<Hashes> = codes
        .iter()
        .map(|code| Hashes::new(hash(seed, code.as_bytes())))
        .collect();
    let bucket_count = len.div_ceil(BUCKET_SIZE).max(1);
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); bucket_count];
    for (index, hashes) in hashes.iter().enumerate() {
        buckets[hashes.bucket(bucket_count)].push(index);
    }
    // The largest buckets first, while the table is still empty; ties by position,
    // so the order (and so the tables) is deterministic.
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|&bucket| (std::cmp::Reverse(buckets[bucket].len()), bucket));

    let len_u32 = u32::try_from(len).ok()?;
    let mut slots: Vec<Option<u32>> = vec![None; len];
    let mut displacements = vec![(0, 0); bucket_count];
    // `taken[slot] == generation`: the slot is used by the bucket being placed.
    let mut taken = vec![0_u64; len];
    let mut generation = 0_u64;
    let mut placed: Vec<(usize, usize)> = Vec::with_capacity(BUCKET_SIZE * 4);
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            continue;
        }
        let found = (0..len_u32).find_map(|d1| {
            (0..len_u32)
                .find(|&d2| {
                    generation += 1;
                    placed.clear();
                    for &member in members {
                        let slot = hashes[member].slot(d1, d2.wrapping_mul(SPREAD), len);
                        if slots[slot].is_some() || taken[slot] == generation {
                            return false;
                        }
                        taken[slot] = generation;
                        placed.push((slot, member));
                    }
                    true
                })
                .map(|d2| (d1, d2.wrapping_mul(SPREAD)))
        })?;
        for &(slot, member) in &placed {
            slots[slot] = Some(u32::try_from(member).ok()?);
        }
        displacements[bucket] = found;
    }
    Some(PerfectHash {
        seed,
        displacements,
        slots: slots.into_iter().map(Option::unwrap_or_default).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(count: usize) -> Vec<String> {
        (0..count).map(|i| format!("error_code_{i}")).collect()
    }

    #[test]
    fn every_code_finds_itself_at_every_size() {
        for count in [1, 2, 3, 4, 5, 7, 16, 100, 1_000, 20_000] {
            let owned = codes(count);
            let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
            let hash = PerfectHash::build(&codes).expect("a perfect hash");
            assert_eq!(hash.slots.len(), count);
            let mut seen = vec![false; count];
            for (index, code) in codes.iter().enumerate() {
                assert_eq!(hash.candidate(code), index, "{code}");
                assert!(!std::mem::replace(&mut seen[hash.slot(code)], true));
            }
        }
    }

    #[test]
    fn the_reference_codes_hash_as_before() {
        // The generated code carries this function; a change here changes every
        // generated file, so make it on purpose.
        assert_eq!(hash(0, b""), hash(0, b""));
        assert_ne!(
            hash(1, b"bad_verification_code"),
            hash(2, b"bad_verification_code")
        );
        assert_ne!(hash(1, b"abcdefgh"), hash(1, b"abcdefgh\0"));
        let codes = [
            "incorrect_client_credentials",
            "redirect_uri_mismatch",
            "bad_verification_code",
            "unverified_user_email",
        ];
        assert_eq!(PerfectHash::build(&codes), PerfectHash::build(&codes));
    }

    #[test]
    fn seeds_are_fixed() {
        assert_ne!(seed(0), seed(1));
        assert_eq!(seed(0), seed(0));
    }
}
