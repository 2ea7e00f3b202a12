//! Prints how queries are read and what they find: `cargo run -p tebiki-search --example read_query -- PACK QUERY…`
use tebiki_core::pack::library::PackLibrary;
use tebiki_search::{SearchIndex, SearchOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let pack = args.first().filter(|p| *p != "all").cloned();
    for q in &args[1..] {
        let r = index.search(q, &SearchOptions { pack: pack.clone(), limit: 8 }).unwrap();
        println!("== {q}  total={} partial={} ignored={:?}", r.total, r.partial, r.ignored);
        for t in &r.reading {
            println!("   read {:?} as {:?} also {:?} found={}", t.typed, t.searched, t.also, t.found);
        }
        for m in &r.explanation {
            println!("   {} {:?}", m.key, m.args);
        }
        for h in &r.hits {
            let head: String = h.heading.iter().map(|s| s.text.as_str()).collect();
            println!("   {:>8.1} {} [{}{}] {}", h.score, h.clause_id, h.matched, if h.literal { "L" } else { "" }, head);
        }
    }
}
