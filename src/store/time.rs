//! Time for the question log: records carry UTC unix seconds; reports count days in China
//! Standard Time (UTC+8, no daylight saving), the admins' time zone. A local day starts at
//! a multiple of 86 400 seconds shifted by the offset (plain arithmetic, also in SQL);
//! dates are written by `chrono`.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset};

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

/// China Standard Time: UTC+8 all year.
const CHINA: FixedOffset = match FixedOffset::east_opt(REPORT_UTC_OFFSET_SECONDS as i32) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

/// `time` in China Standard Time, formatted with `format`; the raw seconds for a time
/// beyond the calendar (hundreds of thousands of years away).
fn format_local(time: i64, format: &str) -> String {
    match DateTime::from_timestamp(time, 0) {
        Some(utc) => utc.with_timezone(&CHINA).format(format).to_string(),
        None => format!("@{time}"),
    }
}

/// `YYYY-MM-DD HH:MM` in China Standard Time.
pub fn format_local_time(time: i64) -> String {
    format_local(time, "%Y-%m-%d %H:%M")
}

/// `YYYY-MM-DD` in China Standard Time.
pub fn format_local_date(time: i64) -> String {
    format_local(time, "%Y-%m-%d")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_gregorian_in_china_standard_time() {
        let day = |days: i64| days * SECONDS_PER_DAY - REPORT_UTC_OFFSET_SECONDS;
        assert_eq!(format_local_date(day(0)), "1970-01-01");
        assert_eq!(format_local_date(day(19_723)), "2024-01-01");
        assert_eq!(format_local_date(day(19_782)), "2024-02-29");
        assert_eq!(format_local_date(day(-1)), "1969-12-31");
        assert_eq!(format_local_date(day(-719_468)), "0000-03-01");
        assert_eq!(format_local_time(i64::MAX), format!("@{}", i64::MAX));
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
