/// Colours for the charts: the Okabe–Ito palette, which stays distinct under the common forms
/// of colour blindness (M. Okabe and K. Ito, "Color Universal Design", 2002).
public enum ChartPalette {
    /// Blue, vermillion, bluish green, reddish purple — the four with at least 3 : 1 contrast
    /// against white (WCAG 2.1, 1.4.11 non-text contrast), so they come first — then orange,
    /// sky blue and yellow. Black is kept for text and whiskers.
    public static let okabeIto = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"]

    /// The colour of the n-th series or part, repeating after seven.
    public static func colour(_ index: Int) -> String {
        okabeIto[index % okabeIto.count]
    }

    /// Text, axes and whiskers.
    static let ink = "#1A1A1A"
    /// Grid lines.
    static let grid = "#D0D0D0"
    static let background = "#FFFFFF"
}
