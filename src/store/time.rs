//! Time for the question log: records carry UTC unix seconds; reports count days in China
//! Standard Time (UTC+8, no daylight saving), the admins' time zone.

use std::time::{SystemTime, UNIX_EPOCH};

/// The offset of the reports' time zone (China Standard Time) from UTC, in seconds.
pub const REPORT_UTC_OFFSET_SECONDS: i64 = 8 * 3600;
/// Seconds in a day.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// The current time as UTC unix seconds.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX))
}

/// Start (UTC unix seconds) of the China Standard Time day containing `time`.
pub fn local_day_start(time: i64) -> i64 {
    (time + REPORT_UTC_OFFSET_SECONDS).div_euclid(SECONDS_PER_DAY) * SECONDS_PER_DAY - REPORT_UTC_OFFSET_SECONDS
}

/// Start of a report period of `days` local days ending today: 00:00 (China Standard Time)
/// `days - 1` days before today, so `days = 1` means today.
pub fn unanswered_since(now: i64, days: u32) -> i64 {
    local_day_start(now) - i64::from(days.max(1) - 1) * SECONDS_PER_DAY
}

/// `YYYY-MM-DD HH:MM` in China Standard Time.
pub fn format_local_time(time: i64) -> String {
    let seconds = (time + REPORT_UTC_OFFSET_SECONDS).rem_euclid(SECONDS_PER_DAY);
    format!(
        "{} {:02}:{:02}",
        format_local_date(time),
        seconds / 3600,
        (seconds % 3600) / 60
    )
}

/// `YYYY-MM-DD` in China Standard Time.
pub fn format_local_date(time: i64) -> String {
    let days = (time + REPORT_UTC_OFFSET_SECONDS).div_euclid(SECONDS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn local_days_are_china_standard_time() {
        // 2024-03-01 15:59:59 UTC = 23:59:59 in Beijing; 16:00:00 UTC = next day 00:00.
        let before_midnight = 1_709_308_799;
        assert_eq!(format_local_time(before_midnight), "2024-03-01 23:59");
        assert_eq!(format_local_time(before_midnight + 1), "2024-03-02 00:00");
        assert_eq!(format_local_date(before_midnight + 1), "2024-03-02");
        assert_eq!(local_day_start(before_midnight), 1_709_222_400);
        assert_eq!(local_day_start(before_midnight + 1), before_midnight + 1);
        assert_eq!(unanswered_since(before_midnight + 1, 1), before_midnight + 1);
        assert_eq!(
            unanswered_since(before_midnight + 1, 2),
            before_midnight + 1 - SECONDS_PER_DAY
        );
    }
}
