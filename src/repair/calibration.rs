//! From a decision's raw confidence (the logistic of its score margin) to the confidence an edit reports:
//! the share of such edits that were right on `../shared/eval/dev`. The table is data
//! (`data/calibration.tsv`, written by `scripts/calibration.py --table`), read once.
use std::sync::OnceLock;

use super::edit::round3;

static TABLE: &str = include_str!("../../data/calibration.tsv");

/// The points `(raw, calibrated)` of the table, rising in both.
fn points() -> &'static [(f32, f32)] {
    static P: OnceLock<Vec<(f32, f32)>> = OnceLock::new();
    P.get_or_init(|| parse(TABLE).expect("data/calibration.tsv is a rising table of two numbers a line"))
}

fn parse(tsv: &str) -> Option<Vec<(f32, f32)>> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (x, y) = line.split_once('\t')?;
        let p = (x.trim().parse().ok()?, y.trim().parse().ok()?);
        if out.last().is_some_and(|l: &(f32, f32)| p.0 <= l.0 || p.1 < l.1) {
            return None;
        }
        out.push(p);
    }
    (out.len() >= 2).then_some(out)
}

/// The reported confidence of a raw one, interpolating between the table's points; monotone, so
/// thresholds keep their order. Below the first point it is the first point's value.
pub(crate) fn calibrate(raw: f32) -> f32 {
    let points = points();
    let raw = raw.clamp(points[0].0, 1.0);
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if raw <= x1 {
            return round3(y0 + (y1 - y0) * (raw - x0) / (x1 - x0));
        }
    }
    points[points.len() - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_is_monotone_and_bounded() {
        let mut last = 0.0;
        for i in 0..=100 {
            let c = calibrate(0.5 + i as f32 * 0.005);
            assert!(c >= last && (0.5..=1.0).contains(&c), "{c}");
            last = c;
        }
        // Below the table, its first value.
        assert_eq!(calibrate(0.2), points()[0].1);
    }

    #[test]
    fn tables_must_rise() {
        assert!(parse("0.5\t0.6\n1.0\t0.9\n").is_some());
        assert!(parse("0.5\t0.6\n0.4\t0.9\n").is_none());
        assert!(parse("0.5\t0.6\n").is_none());
    }
}
