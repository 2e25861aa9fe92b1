// The hash and the slot layout of the bundled word table, shared by the
// build script (which lays the table out) and the library (which looks words
// up in it): both must agree bit for bit. Plain Rust with no paths, so that
// `include!` works in either crate.

/// Bits of a slot of the bundled word table that hold the record number plus
/// one; the others hold the top bits of the high half of the word's hash.
const INDEX_BITS: u32 = 20;

/// Hashes a folded word for the bundled word table: eight bytes at a time,
/// then a final mix so that the low bits (the slot) and the high bits (the
/// stored fragment) both depend on every byte.
#[inline]
fn word_hash(s: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (s.len() as u64).wrapping_mul(K);
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        let mut b = [0u8; 8];
        b[..r.len()].copy_from_slice(r);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K).rotate_left(29);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(K);
    h ^ (h >> 29)
}
