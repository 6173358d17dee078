//! "Did you mean …": the nearest known name to a misspelt one.

/// Levenshtein distance over chars, bounded in time by the inputs' lengths (callers cap them).
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `name` (case differences count as one edit at most), if close enough
/// to be a likely typo.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Names longer than any parameter can't be typos of one; skip the quadratic work.
    if name.chars().count() > 64 {
        return None;
    }
    // Parameter names are ASCII; ASCII folding keeps Unicode's case tables out of the wasm.
    let lower = name.to_ascii_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = if c.eq_ignore_ascii_case(&lower) { 1 } else { distance(&lower, &c.to_ascii_lowercase()) + 1 };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let limit = 1 + (name.chars().count() / 3).max(1);
    (d <= limit).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_case() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(nearest("ImageName", ["imageName", "instanceId"]), Some("imageName"));
        assert_eq!(nearest("imageNmae", ["imageName", "instanceId"]), Some("imageName"));
        assert_eq!(nearest("zzz", ["imageName", "instanceId"]), None);
    }
}
