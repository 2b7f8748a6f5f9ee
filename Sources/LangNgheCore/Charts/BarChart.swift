/// Grouped vertical bars: for each group (a month), one bar per series (received, answered).
///
/// A pure function of its data: the caller gives every text, already in the reader's language,
/// and the size; the value axis runs from zero to a round number above the largest value.
public struct BarChart: Sendable, Hashable {
    /// One group of bars, e.g. a month, with a value per series.
    public struct Group: Sendable, Hashable {
        public var label: String
        /// One value per series, in the order of `series`; missing ones are drawn as zero.
        public var values: [Double]

        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// The chart's name, `<title>`.
    public var title: String
    /// The text alternative, `<desc>`: what the chart shows, in words.
    public var description: String
    /// The series' names, shown in the legend; each series takes the next palette colour.
    public var series: [String]
    public var groups: [Group]
    /// The label of the value axis, e.g. "Số PAKN".
    public var valueAxisLabel: String
    /// The label under the groups, e.g. "Tháng".
    public var groupAxisLabel: String
    public var width: Int
    public var height: Int

    public init(
        title: String, description: String, series: [String], groups: [Group], valueAxisLabel: String,
        groupAxisLabel: String, width: Int = 640, height: Int = 320
    ) {
        self.title = title
        self.description = description
        self.series = series
        self.groups = groups
        self.valueAxisLabel = valueAxisLabel
        self.groupAxisLabel = groupAxisLabel
        self.width = width
        self.height = height
    }

    /// The chart as an SVG document.
    public var svg: String {
        var canvas = SVGCanvas(width: width, height: height)
        let values = groups.flatMap(\.values)
        let scale = ChartScale(largest: values.max() ?? 0, wholeSteps: values.allSatisfy { $0 == $0.rounded() })
        let plot = (x: 56.0, y: 36.0, width: max(1, Double(width) - 68), height: max(1, Double(height) - 84))
        drawLegend(&canvas)
        for tick in scale.ticks {
            let y = plot.y + plot.height - scale.position(tick, length: plot.height)
            canvas.line(x1: plot.x, y1: y, x2: plot.x + plot.width, y2: y, stroke: ChartPalette.grid)
            canvas.text(SVGCanvas.number(tick), x: plot.x - 6, y: y + 4, anchor: .end, size: 11)
        }
        let groupWidth = plot.width / Double(max(1, groups.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        // Show every label that fits, and every n-th when they would overlap.
        let widest = groups.map { ChartText.width($0.label, size: 11) }.max() ?? 0
        let labelStep = max(1, Int(((widest + 6) / groupWidth).rounded(.up)))
        for (g, group) in groups.enumerated() {
            let left = plot.x + Double(g) * groupWidth + groupWidth * 0.1
            for (s, name) in series.enumerated() {
                let value = s < group.values.count ? group.values[s] : 0
                let barHeight = scale.position(value, length: plot.height)
                canvas.rect(
                    x: left + Double(s) * barWidth, y: plot.y + plot.height - barHeight, width: barWidth, height: barHeight,
                    fill: ChartPalette.colour(s), tooltip: "\(group.label) – \(name): \(SVGCanvas.number(value))")
            }
            if g % labelStep == 0 {
                canvas.text(group.label, x: left + groupWidth * 0.4, y: plot.y + plot.height + 16, anchor: .middle, size: 11)
            }
        }
        canvas.line(
            x1: plot.x, y1: plot.y + plot.height, x2: plot.x + plot.width, y2: plot.y + plot.height, stroke: ChartPalette.ink)
        canvas.text(groupAxisLabel, x: plot.x + plot.width / 2, y: Double(height) - 10, anchor: .middle)
        canvas.text(valueAxisLabel, x: 14, y: plot.y + plot.height / 2, anchor: .middle, vertical: true)
        return canvas.document(title: title, description: description)
    }

    /// A swatch and a name per series, along the top.
    private func drawLegend(_ canvas: inout SVGCanvas) {
        var x = 56.0
        for (s, name) in series.enumerated() {
            canvas.rect(x: x, y: 10, width: 12, height: 12, fill: ChartPalette.colour(s))
            canvas.text(name, x: x + 18, y: 20)
            x += 18 + ChartText.width(name) + 20
        }
    }
}
