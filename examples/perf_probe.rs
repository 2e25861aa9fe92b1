fn main() {
    let names = [
        "Brig. Gen. Patrick Karuretwa",
        "Abdellatif Loudiyi",
        "Juvénal Marizamunda",
        "Khawaja Muhammad Asif",
        "Mohammed VI",
        "Владимир Путин",
        "Bayer AG",
        "Ursula von der Leyen",
        "Xi Jinping",
        "Mohamed Mire ALI",
        "AbdellatifLoudyi",
        "Fayez el Sarraj",
    ];
    let _ = canonym::analyze("x");
    let mode = std::env::args().nth(1).unwrap_or_default();
    if mode != "cmp" {
        let t = std::time::Instant::now();
        let mut k = 0usize;
        for _ in 0..200000 {
            for n in names {
                k += canonym::analyze(n).key().len();
            }
        }
        let e = t.elapsed();
        println!(
            "{:.0} names/s ({k})",
            (200000 * names.len()) as f64 / e.as_secs_f64()
        );
    }
    if mode != "an" {
        let an: Vec<_> = names.iter().map(|n| canonym::analyze(n)).collect();
        let t = std::time::Instant::now();
        let mut s = 0.0;
        for _ in 0..40000 {
            for a in &an {
                for b in &an {
                    s += canonym::compare(a, b).score();
                }
            }
        }
        let e = t.elapsed();
        println!(
            "{:.0} cmp/s ({s})",
            (40000 * an.len() * an.len()) as f64 / e.as_secs_f64()
        );
    }
}
