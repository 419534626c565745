//! Tokenization with byte offsets into the source text.
//!
//! Every byte of the text belongs to exactly one token, so the text can be rebuilt from its tokens and a
//! repair can splice replacements into the original at their offsets. Tokens that must never change (URLs,
//! e-mail addresses, case ids, dates, numbers) get classes of their own.
use std::sync::OnceLock;

use regex::Regex;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Letters, possibly with OCR symbols read for letters (`&r`, `4rendet`, `6ka`): repair looks at these.
    Word,
    /// Digits, possibly with separators and units (`2024`, `10,5`, `000tkr`).
    Number,
    /// `https://…`, `www.…`.
    Url,
    /// `name@example.se`.
    Email,
    /// Case ids and reference numbers: `SLK-2023-01038`, `0186/24`, `KS 2018/124` (the numeric part).
    CaseId,
    /// ISO dates `2024-05-29`.
    Date,
    /// Punctuation and symbols.
    Punct,
    /// Spaces and tabs.
    Space,
    /// One line break (`\n`, `\r\n` or `\r`).
    Newline,
    /// A form feed: a page break.
    PageBreak,
}

/// A token: a class and a byte span into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset past its last byte.
    pub end: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The protected chunks; each pattern needs a `.`, `@`, `-`, `/` or `:` (see `chunk`).
fn patterns() -> &'static [(Kind, Regex)] {
    static P: OnceLock<Vec<(Kind, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        let p = |k, s: &str| (k, Regex::new(s).expect("static regex"));
        vec![
            p(Kind::Url, r"^(?i:(?:https?|ftp)://|www\.)\S+$"),
            p(Kind::Email, r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"),
            // Anything else with an @ is an address the OCR broke (`bhidevik@`, `name@ stadshuset`).
            p(Kind::Email, r"^\S*@\S*$"),
            // Host names and file names: goteborg.se, digg.se, Förstudie_2024.pdf, a.b(Pstadshuset.goteborg.se
            // A dot between letters: a host or an identifier the OCR broke (stadshuset.goteborg se), t.ex
            p(Kind::Url, r"^\S*\p{L}\.\p{L}\S*$"),
            p(Kind::Url, r"(?i)^\S*[\w)]\.(?:se|nu|com|org|net|eu|int|gov|edu|info|io|fi|no|dk|de|uk|pdf|docx?|xlsx?|pptx?|html?|txt|csv|zip)$"),
            p(Kind::Date, r"^\d{4}-\d{2}-\d{2}$"),
            // SLK-2023-01038, KS-2018-124, and one cut at a line end: SLK-2023-
            p(Kind::CaseId, r"^\p{Lu}{1,6}(?:-\p{Lu}{1,6})?-\d{2,4}-\d*$"),
            // 0186/24, 2018/124, 2023:45
            p(Kind::CaseId, r"^\d{1,6}[/:]\d{2,6}$"),
        ]
    })
}

/// U+00AD, a hyphenation point: invisible unless the line breaks there.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Characters that stand inside a word without being seen: the soft hyphen, the zero-width space, (non-)
/// joiner and word joiner, and a byte-order mark in mid-text. They never split a word, and a word with one
/// is kept as written (it was typeset or edited, not scanned).
pub fn invisible_in_word(c: char) -> bool {
    matches!(
        c,
        SOFT_HYPHEN | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Characters that open or close a chunk without being part of it: `(2024-05-29,` is a date in brackets.
fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '”'
            | '“'
            | '’'
            | '‘'
            | '»'
            | '«'
            | '<'
            | '>'
    )
}

/// Split `text` into tokens. `symbol_in_word` says which non-letters may stand for a letter inside a word
/// (the channel's OCR symbols: `&`, `4`, `6`, …).
///
/// ```
/// use diakrit::token::{tokenize, Kind};
/// let text = "Detta &r SLK-2023-01038.";
/// let kinds: Vec<(Kind, &str)> = tokenize(text, |c| c == '&').iter().map(|t| (t.kind, t.text(text))).collect();
/// assert_eq!(kinds[2], (Kind::Word, "&r"));
/// assert_eq!(kinds[4], (Kind::CaseId, "SLK-2023-01038"));
/// ```
pub fn tokenize(text: &str, symbol_in_word: impl Fn(char) -> bool) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().expect("in bounds");
        if c == '\n' || c == '\r' {
            let end = if c == '\r' && bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            out.push(Token {
                kind: Kind::Newline,
                start: i,
                end,
            });
            i = end;
        } else if c == '\u{c}' {
            out.push(Token {
                kind: Kind::PageBreak,
                start: i,
                end: i + 1,
            });
            i += 1;
        } else if c.is_whitespace() {
            let end = i + text[i..]
                .find(|c: char| !c.is_whitespace() || matches!(c, '\n' | '\r' | '\u{c}'))
                .unwrap_or(text.len() - i);
            out.push(Token {
                kind: Kind::Space,
                start: i,
                end,
            });
            i = end;
        } else {
            let end = i + text[i..].find(char::is_whitespace).unwrap_or(text.len() - i);
            match url_continued(text, i, end, &out) {
                Some(core_end) => {
                    out.push(Token {
                        kind: Kind::Url,
                        start: i,
                        end: core_end,
                    });
                    puncts(text, core_end, end, &mut out);
                }
                None => chunk(text, i, end, &symbol_in_word, &mut out),
            }
            i = end;
        }
    }
    out
}

/// A URL the line broke after a `-` or `/` goes on at the next line's start
/// (`https://www.msb.se/sv/amnesomraden/skydd-mot-` / `olyckor-och-farliga-amnen/klimat/`): the chunk
/// `start..end` there is the URL's when it is made of a URL's characters and has a `/` in it. `before` are
/// the tokens so far; returns where the URL ends (before its trailing punctuation).
fn url_continued(text: &str, start: usize, end: usize, before: &[Token]) -> Option<usize> {
    let s = &text[start..end];
    let core_end = end - (s.len() - s.trim_end_matches(is_edge_punct).len());
    let core = &text[start..core_end];
    let url_chars = |c: char| c.is_ascii_alphanumeric() || "/._~%=?&#+-".contains(c);
    if !core.contains('/') || !core.chars().all(url_chars) {
        return None;
    }
    let mut rest = before.iter().rev().skip_while(|t| t.kind == Kind::Space);
    if !rest.next().is_some_and(|t| t.kind == Kind::Newline) {
        return None;
    }
    rest.find(|t| t.kind != Kind::Space)
        .is_some_and(|t| t.kind == Kind::Url && t.text(text).ends_with(['-', '/', '_', '=', '?', '&', '#', '%']))
        .then_some(core_end)
}

/// Tokens of one whitespace-free chunk.
fn chunk(text: &str, start: usize, end: usize, symbol_in_word: &impl Fn(char) -> bool, out: &mut Vec<Token>) {
    let s = &text[start..end];
    // Strip edge punctuation, then see whether the core is protected as a whole.
    let core_start = start + (s.len() - s.trim_start_matches(is_edge_punct).len());
    let core_end = end - (s.len() - s.trim_end_matches(is_edge_punct).len());
    if core_start < core_end {
        let core = &text[core_start..core_end];
        // A URL keeps its inner punctuation; its trailing dot or bracket is punctuation. Every pattern
        // needs one of these marks: a plain word is none.
        let marked = core.contains(['.', '@', '-', '/', ':']);
        if let Some(kind) = patterns()
            .iter()
            .filter(|_| marked)
            .find(|(_, re)| re.is_match(core))
            .map(|(k, _)| *k)
        {
            puncts(text, start, core_start, out);
            out.push(Token {
                kind,
                start: core_start,
                end: core_end,
            });
            puncts(text, core_end, end, out);
            return;
        }
    }
    // Otherwise: runs of word characters, and punctuation between them.
    let mut i = start;
    while i < end {
        let c = text[i..].chars().next().expect("in bounds");
        if c.is_alphanumeric() || symbol_in_word(c) {
            let mut j = i;
            let (mut letters, mut digits, mut confusable_digits, mut symbols) = (0, 0, 0, 0);
            for (k, ch) in text[i..end].char_indices() {
                if ch.is_alphabetic() {
                    letters += 1;
                } else if k > 0
                    && invisible_in_word(ch)
                    && text[i + k + ch.len_utf8()..end]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                {
                    // A soft hyphen (a hyphenation point the layout hid: distrik\u{ad}tet) or a zero-width
                    // character inside a word.
                } else if k > 0 && unicode_normalization::char::is_combining_mark(ch) {
                    // A decomposed diacritic (o + U+0308) belongs to its letter.
                } else if ch.is_numeric() {
                    digits += 1;
                    if symbol_in_word(ch) {
                        confusable_digits += 1;
                    }
                } else if symbol_in_word(ch) {
                    symbols += 1;
                } else {
                    break;
                }
                j = i + k + ch.len_utf8();
            }
            let kind = if letters == 0 {
                if digits > 0 {
                    Kind::Number
                } else {
                    Kind::Punct
                }
            } else if digits == 0 || (digits == confusable_digits && letters >= 1 && digits <= letters) {
                Kind::Word
            } else {
                Kind::Number
            };
            // A lone symbol (`&`) is punctuation, not a word.
            let kind = if kind == Kind::Word && letters == 0 && symbols > 0 {
                Kind::Punct
            } else {
                kind
            };
            out.push(Token { kind, start: i, end: j });
            i = j;
        } else {
            let j = i + c.len_utf8();
            out.push(Token {
                kind: Kind::Punct,
                start: i,
                end: j,
            });
            i = j;
        }
    }
}

fn puncts(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    for (k, c) in text[start..end].char_indices() {
        out.push(Token {
            kind: Kind::Punct,
            start: start + k,
            end: start + k + c.len_utf8(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_width_characters_stay_inside_their_word() {
        for zw in ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'] {
            let w = format!("Gote{zw}borg");
            assert_eq!(
                toks(&format!("{w} stad")),
                [(Kind::Word, w.as_str()), (Kind::Space, " "), (Kind::Word, "stad")]
            );
        }
    }

    #[test]
    fn a_soft_hyphen_stays_inside_its_word() {
        assert_eq!(
            toks("övre distrik\u{ad}tet»"),
            [
                (Kind::Word, "övre"),
                (Kind::Space, " "),
                (Kind::Word, "distrik\u{ad}tet"),
                (Kind::Punct, "»")
            ]
        );
        assert_eq!(
            toks("slut\u{ad} x"),
            [
                (Kind::Word, "slut"),
                (Kind::Punct, "\u{ad}"),
                (Kind::Space, " "),
                (Kind::Word, "x")
            ]
        );
    }

    fn toks(text: &str) -> Vec<(Kind, &str)> {
        tokenize(text, |c| matches!(c, '&' | '4' | '6'))
            .iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn covers_every_byte() {
        let text = "Detta &r (2024-05-29, drendenummer SLK-2023-\n01038) \u{c} se https://digg.se/a.pdf. ”Al” ";
        let t = tokenize(text, |c| matches!(c, '&' | '4' | '6'));
        let mut pos = 0;
        for tok in &t {
            assert_eq!(tok.start, pos);
            pos = tok.end;
        }
        assert_eq!(pos, text.len());
    }

    #[test]
    fn classes() {
        let t = toks("Detta &r (2024-05-29, drendenummer SLK-2023-\n01038) och 0186/24.");
        assert!(t.contains(&(Kind::Word, "&r")));
        assert!(t.contains(&(Kind::Date, "2024-05-29")));
        assert!(t.contains(&(Kind::CaseId, "SLK-2023-")));
        assert!(t.contains(&(Kind::Number, "01038")));
        assert!(t.contains(&(Kind::CaseId, "0186/24")));
        assert!(t.contains(&(Kind::Punct, ".")));
        let t = toks("4rendenummer p4 6ka 000tkr 10,5 A4 AI-tjänster");
        assert!(t.contains(&(Kind::Word, "4rendenummer")));
        assert!(t.contains(&(Kind::Word, "p4")));
        assert!(t.contains(&(Kind::Word, "6ka")));
        assert!(t.contains(&(Kind::Number, "000tkr")));
        assert!(t.contains(&(Kind::Word, "AI")));
        assert!(t.contains(&(Kind::Word, "tjänster")));
        assert!(t.contains(&(Kind::Punct, "&")) || !t.iter().any(|x| x.1 == "&"));
    }

    #[test]
    fn decomposed_letters_stay_in_their_word() {
        let t = toks("Go\u{308}teborg bedo\u{308}mning");
        assert_eq!(t[0], (Kind::Word, "Go\u{308}teborg"));
        assert_eq!(t[2], (Kind::Word, "bedo\u{308}mning"));
    }

    #[test]
    fn urls_and_emails_are_whole() {
        let t = toks(
            "(se https://www.digg.se/download/18.5b/Slutrapport%20att%20fr%C3%A4mja.pdf) eller kontakt@goteborg.se.",
        );
        assert!(t.contains(&(
            Kind::Url,
            "https://www.digg.se/download/18.5b/Slutrapport%20att%20fr%C3%A4mja.pdf"
        )));
        assert!(t.contains(&(Kind::Email, "kontakt@goteborg.se")));
        assert_eq!(toks("& och")[0], (Kind::Punct, "&"));
    }

    #[test]
    fn a_url_goes_on_at_the_next_line() {
        let t = toks("webbsida: https://www.msb.se/sv/skydd-mot-\n  amnen/klimat/varmebolja/.\nmoten/och samråd");
        assert!(t.contains(&(Kind::Url, "amnen/klimat/varmebolja/")), "{t:?}");
        assert_eq!(t.iter().filter(|k| k.0 == Kind::Url).count(), 2);
        // After a line that ends a sentence, and after a URL that ends as one, a path-like word is words.
        assert!(toks("se https://msb.se/a/\n\nmoten/samråd").contains(&(Kind::Word, "moten")));
        assert!(toks("se https://msb.se/a\nmoten/samråd").contains(&(Kind::Word, "moten")));
    }
}
