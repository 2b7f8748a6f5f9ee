/// The value axis of a chart: from zero to a round number at or above the largest value, in
/// round steps, so the gridlines fall on values a reader can name.
struct ChartScale {
    /// The gridline values, from 0 to `maximum`.
    let ticks: [Double]

    /// A scale for values up to `largest`, with about `steps` steps, whole ones if `wholeSteps`
    /// (counts have no half petitions). With nothing to show (no value above zero) it runs from
    /// 0 to 1, so an empty chart still has an axis.
    init(largest: Double, steps: Int = 5, wholeSteps: Bool = false) {
        guard largest.isFinite, largest > 0 else {
            ticks = [0, 1]
            return
        }
        // A step of 1, 2 or 5 times a power of ten, the smallest that covers `largest` in `steps`.
        let raw = largest / Double(max(1, steps))
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let nice = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        let step = wholeSteps ? max(1, nice) : nice
        let count = Int((largest / step).rounded(.up))
        ticks = (0...max(1, count)).map { Double($0) * step }
    }

    /// The fixed scale of a rate: 0 to 100 %, by quarters. Cutting a rate's axis would make
    /// small differences look large.
    static let rate = ChartScale(ticks: [0, 0.25, 0.5, 0.75, 1])

    private init(ticks: [Double]) {
        self.ticks = ticks
    }

    var maximum: Double { ticks.last ?? 1 }

    /// Where `value` falls along an axis of `length`, from its zero end; values outside the
    /// scale are drawn at its ends.
    func position(_ value: Double, length: Double) -> Double {
        guard value.isFinite else { return 0 }
        return min(max(value, 0), maximum) / maximum * length
    }
}

/// Rough text measures for layout: the charts cannot measure fonts, so they allow an average
/// width per character at a given size.
enum ChartText {
    static func width(_ text: String, size: Double = 12) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` cut with an ellipsis to fit `width`; the full text stays in the table beside the chart.
    static func fitted(_ text: String, width: Double, size: Double = 12) -> String {
        let fits = Int(width / (size * 0.58))
        guard text.count > fits else { return text }
        return fits < 2 ? "" : String(text.prefix(fits - 1)) + "…"
    }

    /// A rate as a whole percentage, "96%".
    static func percent(_ rate: Double) -> String {
        guard rate.isFinite else { return "" }
        return String(Int((rate * 100).rounded())) + "%"
    }
}
