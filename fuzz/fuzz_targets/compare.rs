//! Two arbitrary strings (split at the first NUL byte or in the middle):
//! comparison never panics, is symmetric, lies in [0, 1], and a name
//! compared with itself scores 1.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (x, y) = match data.iter().position(|&b| b == 0) {
        Some(p) => (&data[..p], &data[p + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let a = canonym::analyze(&String::from_utf8_lossy(x));
    let b = canonym::analyze(&String::from_utf8_lossy(y));
    let ab = canonym::compare(&a, &b);
    let ba = canonym::compare(&b, &a);
    assert!((0.0..=1.0).contains(&ab.score()));
    assert!((ab.score() - ba.score()).abs() < 1e-9);
    let _ = ab.explain(&a, &b);
    if !a.is_empty() {
        assert!((canonym::compare(&a, &a).score() - 1.0).abs() < 1e-9);
    }
});
