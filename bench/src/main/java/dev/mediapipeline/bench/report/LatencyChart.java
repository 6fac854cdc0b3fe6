package dev.mediapipeline.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The latency distribution as a PNG: one cumulative curve per series (what share of events took at most
 * x ms), on a log axis so that both the bulk and the tail are readable, with the targets as vertical lines.
 */
public final class LatencyChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private LatencyChart() {
    }

    /**
     * @param series  label → latencies
     * @param targets label → milliseconds, drawn as dashed vertical lines, in the map's order
     */
    public static void writePng(Path png, String title, Map<String, Latencies> series, Map<String, Double> targets)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((label, latencies) -> {
            XYSeries curve = new XYSeries(label + " (n=" + latencies.count() + ")", true, true);
            double[] ms = latencies.sortedMillis();
            for (int i = 0; i < ms.length; i++) {
                curve.add(Math.max(ms[i], 0.1), 100.0 * (i + 1) / ms.length);
            }
            data.addSeries(curve);
        });
        LogAxis x = new LogAxis("latency from upload (ms, log scale)");
        x.setSmallestValue(0.1);
        x.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        NumberAxis y = new NumberAxis("events at or below (%)");
        y.setRange(0, 100);
        XYStepRenderer renderer = new XYStepRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        int i = 0;
        for (Map.Entry<String, Double> target : targets.entrySet()) {
            ValueMarker marker = new ValueMarker(target.getValue(), Color.DARK_GRAY, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            marker.setLabel(target.getKey());
            // alternate top and bottom so that labels of nearby targets do not overlap
            boolean top = i++ % 2 == 0;
            marker.setLabelAnchor(top ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(top ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
            plot.addDomainMarker(marker);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
