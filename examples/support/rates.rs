//! Shared by the corpus examples.

/// `n` findings per 1,000 of `words`.
pub fn per_k(n: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        n as f64 * 1000.0 / words as f64
    }
}
