fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let t = std::time::Instant::now();
    let r = diakrit::Repairer::new().repair(&text);
    eprintln!("{} edits in {:?}", r.edits.len(), t.elapsed());
    print!("{}", r.text);
    if std::env::var("EDITS").is_ok() { for e in &r.edits { eprintln!("{} -> {} {:?} {:.3}", e.from, e.to, e.kind, e.confidence); } }
}
