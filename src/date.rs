//! Calendar dates as `YYYY-MM-DD` strings: validation and comparison, without a date library
//! (house style keeps date crates out of the wasm). ISO dates compare correctly as strings.

/// True when `s` is a real calendar date written `YYYY-MM-DD` (years 1000 to 9999).
pub fn is_valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    if y < 1000 || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    d <= days_in_month(y, m)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn accepts_real_dates_including_leap_days() {
        assert!(is_valid("2025-08-02"));
        assert!(is_valid("2024-02-29"));
        assert!(is_valid("2000-02-29"));
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert!(!is_valid("2025-02-29"));
        assert!(!is_valid("1900-02-29"));
        assert!(!is_valid("2025-04-31"));
        assert!(!is_valid("2025-13-01"));
        assert!(!is_valid("2025-00-10"));
        assert!(!is_valid("2025-01-00"));
    }

    #[test]
    fn rejects_other_shapes() {
        for s in ["", "2025-8-2", "02-08-2025", "2025/08/02", "2025-08-02T00:00", "２０２５-08-02", "abcd-ef-gh"] {
            assert!(!is_valid(s), "{s}");
        }
    }
}
