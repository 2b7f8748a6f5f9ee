import LangNgheCore
import Testing

/// Tết (1st day of the 1st lunar month) for every year 1900–2199, as published, "MM-DD" per year.
///
/// Sources:
/// - 1968–2199: Hồ Ngọc Đức's Vietnamese calendar tables (amlich, data arrays TK20–TK22, the
///   year code's top bits are Tết's offset from 1 January), computed for UTC+7.
/// - 1900–1967: the Chinese New Year dates of the Hong Kong Observatory as tabulated by the
///   python `holidays` package (holidays/calendars/chinese.py, LUNAR_NEW_YEAR_DATES) with its
///   Vietnamese (UTC+7) exceptions 1903, 1916, 1935, 1965 (VIETNAMESE_CALENDAR_LUNAR_NEW_YEAR_DATES);
///   1900 from Hồ Ngọc Đức. Hồ Ngọc Đức's tables before 1968 follow the calendars then in use
///   (China's, the Nguyễn court's) and differ in 1903, 1925, 1935 and 1965; Vietnam has
///   counted at UTC+7 since 1968, and the UTC+7 rule is what this calendar computes.
/// The two sources agree on every year from 1968 to 2100 where both exist.
private let publishedTet: [Int: String] = [
    1900: "01-31 02-19 02-08 01-28 02-16 02-04 01-25 02-13 02-02 01-22",
    1910: "02-10 01-30 02-18 02-06 01-26 02-14 02-03 01-23 02-11 02-01",
    1920: "02-20 02-08 01-28 02-16 02-05 01-24 02-13 02-02 01-23 02-10",
    1930: "01-30 02-17 02-06 01-26 02-14 02-03 01-24 02-11 01-31 02-19",
    1940: "02-08 01-27 02-15 02-05 01-25 02-13 02-02 01-22 02-10 01-29",
    1950: "02-17 02-06 01-27 02-14 02-03 01-24 02-12 01-31 02-18 02-08",
    1960: "01-28 02-15 02-05 01-25 02-13 02-01 01-21 02-09 01-29 02-16",
    1970: "02-06 01-27 02-15 02-03 01-23 02-11 01-31 02-18 02-07 01-28",
    1980: "02-16 02-05 01-25 02-13 02-02 01-21 02-09 01-29 02-17 02-06",
    1990: "01-27 02-15 02-04 01-23 02-10 01-31 02-19 02-07 01-28 02-16",
    2000: "02-05 01-24 02-12 02-01 01-22 02-09 01-29 02-17 02-07 01-26",
    2010: "02-14 02-03 01-23 02-10 01-31 02-19 02-08 01-28 02-16 02-05",
    2020: "01-25 02-12 02-01 01-22 02-10 01-29 02-17 02-06 01-26 02-13",
    2030: "02-02 01-23 02-11 01-31 02-19 02-08 01-28 02-15 02-04 01-24",
    2040: "02-12 02-01 01-22 02-10 01-30 02-17 02-06 01-26 02-14 02-02",
    2050: "01-23 02-11 02-01 02-18 02-08 01-28 02-15 02-04 01-24 02-12",
    2060: "02-02 01-21 02-09 01-29 02-17 02-05 01-26 02-14 02-03 01-23",
    2070: "02-11 01-31 02-19 02-07 01-27 02-15 02-05 01-24 02-12 02-02",
    2080: "01-22 02-09 01-29 02-17 02-06 01-26 02-14 02-03 01-24 02-10",
    2090: "01-30 02-18 02-07 01-27 02-15 02-05 01-25 02-12 02-01 01-21",
    2100: "02-09 01-29 02-17 02-07 01-28 02-15 02-04 01-24 02-12 01-31",
    2110: "02-19 02-08 01-29 02-16 02-06 01-26 02-14 02-02 01-22 02-10",
    2120: "01-30 02-17 02-07 01-27 02-15 02-03 01-23 02-11 02-01 02-19",
    2130: "02-08 01-29 02-17 02-05 01-25 02-13 02-02 01-22 02-10 01-30",
    2140: "02-18 02-07 01-27 02-15 02-04 01-23 02-11 02-01 01-21 02-08",
    2150: "01-29 02-16 02-05 01-24 02-12 02-02 01-23 02-10 01-30 02-18",
    2160: "02-07 01-26 02-14 02-03 01-24 02-11 02-01 02-20 02-09 01-28",
    2170: "02-16 02-05 01-25 02-12 02-02 01-22 02-11 01-30 02-18 02-07",
    2180: "01-27 02-14 02-03 01-24 02-12 01-31 01-21 02-08 01-28 02-15",
    2190: "02-05 01-25 02-13 02-02 01-22 02-10 01-30 02-17 02-06 01-26",
]

@Suite("Tết 1900–2199 against published tables")
struct TetTableTests {
    @Test(arguments: publishedTet.keys.sorted())
    func decade(_ start: Int) {
        let dates = publishedTet[start]!.split(separator: " ")
        #expect(dates.count == 10)
        for (offset, monthDay) in dates.enumerated() {
            let year = start + offset
            #expect(LunarCalendar.vietnam.lunarNewYear(year) == civil("\(year)-\(monthDay)"), "Tết \(year)")
        }
    }
}
