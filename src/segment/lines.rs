//! The lines of a text and what each is: the bottom of segmentation.

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Running text (headings included).
    Text,
    /// Nothing but white space.
    Blank,
    /// Page numbers, running headers and footers.
    Furniture,
    /// A footnote at the foot of a page.
    Footnote,
    /// A URL on a line of its own.
    Url,
    /// A line of a signature block.
    Signature,
}

/// Byte spans of the lines of `text`, without their line breaks; form feeds split lines too.
pub fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{c}' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}
