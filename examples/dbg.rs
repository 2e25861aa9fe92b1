fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = canonym::analyze(&args[0]);
    let b = canonym::analyze(&args[1]);
    for n in [&a, &b] {
        println!(
            "{:?} display={:?} key={:?} kind={:?} titles={:?}",
            n.original(),
            n.display(),
            n.key(),
            n.kind(),
            n.titles()
        );
        for p in n.parts() {
            println!(
                "   {:?} {:?} {:?} skel={:?} groups={:?}",
                p.text(),
                p.fold(),
                p.tag(),
                p.skeleton(),
                p.groups().len()
            );
        }
    }
    let c = canonym::compare(&a, &b);
    println!("score {:.3} match {}", c.score(), c.is_match());
    for r in c.explain(&a, &b) {
        println!("  {r}");
    }
}
