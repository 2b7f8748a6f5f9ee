/// One horizontal bar per row for a rate (on time out of answered, per agency), with its
/// confidence interval drawn as a whisker, so a rate over few cases shows how little it says.
///
/// The axis always runs from 0 to 100 %: cutting a rate's axis makes small differences look large.
public struct HorizontalBarChart: Sendable, Hashable {
    /// One row: a label, a rate in 0…1 and, if known, its interval.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var rate: Double
        /// Where the true rate lies, e.g. the Wilson interval; drawn as a whisker.
        public var interval: ClosedRange<Double>?
        /// The figure printed at the end of the row; by default the rate as a whole percentage.
        public var valueLabel: String

        public init(label: String, rate: Double, interval: ClosedRange<Double>? = nil, valueLabel: String? = nil) {
            self.label = label
            self.rate = rate
            self.interval = interval
            self.valueLabel = valueLabel ?? ChartText.percent(rate)
        }
    }

    public var title: String
    /// The text alternative, `<desc>`.
    public var description: String
    public var bars: [Bar]
    /// The label of the rate axis, e.g. "Tỷ lệ trả lời đúng hạn".
    public var axisLabel: String
    public var width: Int
    public var height: Int

    public init(title: String, description: String, bars: [Bar], axisLabel: String, width: Int = 640, height: Int = 400) {
        self.title = title
        self.description = description
        self.bars = bars
        self.axisLabel = axisLabel
        self.width = width
        self.height = height
    }

    /// The chart as an SVG document.
    public var svg: String {
        var canvas = SVGCanvas(width: width, height: height)
        let scale = ChartScale.rate
        let widest = bars.map { ChartText.width($0.label) }.max() ?? 0
        let labelColumn = min(Double(width) * 0.4, widest + 12)
        let plot = (
            x: labelColumn, y: 8.0, width: max(1, Double(width) - labelColumn - 52), height: max(1, Double(height) - 52)
        )
        for tick in scale.ticks {
            let x = plot.x + scale.position(tick, length: plot.width)
            canvas.line(x1: x, y1: plot.y, x2: x, y2: plot.y + plot.height, stroke: ChartPalette.grid)
            canvas.text(ChartText.percent(tick), x: x, y: plot.y + plot.height + 16, anchor: .middle, size: 11)
        }
        let row = plot.height / Double(max(1, bars.count))
        let thickness = min(28, row * 0.6)
        for (i, bar) in bars.enumerated() {
            let middle = plot.y + (Double(i) + 0.5) * row
            canvas.text(ChartText.fitted(bar.label, width: labelColumn - 12), x: labelColumn - 8, y: middle + 4, anchor: .end)
            canvas.rect(
                x: plot.x, y: middle - thickness / 2, width: scale.position(bar.rate, length: plot.width), height: thickness,
                fill: ChartPalette.colour(0), tooltip: "\(bar.label): \(bar.valueLabel)")
            if let interval = bar.interval {
                let from = plot.x + scale.position(interval.lowerBound, length: plot.width)
                let to = plot.x + scale.position(interval.upperBound, length: plot.width)
                drawWhisker(&canvas, from: from, to: to, at: middle, cap: thickness / 3)
            }
            canvas.text(bar.valueLabel, x: plot.x + plot.width + 8, y: middle + 4, size: 11)
        }
        canvas.line(x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.y + plot.height, stroke: ChartPalette.ink)
        canvas.text(axisLabel, x: plot.x + plot.width / 2, y: Double(height) - 10, anchor: .middle)
        return canvas.document(title: title, description: description)
    }

    /// A line from `from` to `to` with end caps, in ink over a white halo so that it reads on
    /// the bar as well as beside it.
    private func drawWhisker(_ canvas: inout SVGCanvas, from: Double, to: Double, at y: Double, cap: Double) {
        for (colour, width) in [(ChartPalette.background, 4.0), (ChartPalette.ink, 2.0)] {
            canvas.line(x1: from, y1: y, x2: to, y2: y, stroke: colour, width: width)
            canvas.line(x1: from, y1: y - cap, x2: from, y2: y + cap, stroke: colour, width: width)
            canvas.line(x1: to, y1: y - cap, x2: to, y2: y + cap, stroke: colour, width: width)
        }
    }
}
