package dev.streamtune.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The PNG of {@code bench finetune}: one panel per stream and metric (final average accuracy, forgetting), bars
 * grouped by strategy, one bar per variant. Drawn with java.awt in headless mode.
 */
final class FinetunePlot {

    private static final int PANEL_W = 560;
    private static final int PANEL_H = 300;
    private static final int MARGIN = 50;
    private static final Color[] VARIANT_COLORS = {new Color(0x9e9e9e), new Color(0x1f77b4), new Color(0xd62728)};

    private FinetunePlot() {}

    /** Draws the results of {@code streams} × {@code strategies} × {@code variants} to {@code file}. */
    static void write(Path file, List<FinetuneRun.Result> results, List<String> streams, List<String> strategies,
            List<String> variants) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * PANEL_W, 2 * PANEL_H + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int s = 0; s < streams.size() && s < 2; s++) {
                String stream = streams.get(s);
                panel(g, s * PANEL_W, 0, stream + ": final average accuracy", results, stream, strategies, variants,
                        r -> r.accuracy().finalAverageAccuracy());
                panel(g, s * PANEL_W, PANEL_H, stream + ": forgetting (lower is better)", results, stream, strategies,
                        variants, r -> r.accuracy().finalForgetting());
            }
            legend(g, variants, 2 * PANEL_H + 10);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int x0, int y0, String title, List<FinetuneRun.Result> results,
            String stream, List<String> strategies, List<String> variants,
            ToDoubleFunction<FinetuneRun.Result> metric) {
        int left = x0 + MARGIN;
        int bottom = y0 + PANEL_H - MARGIN;
        int plotW = PANEL_W - 2 * MARGIN;
        int plotH = PANEL_H - 2 * MARGIN;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, left, y0 + 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1));
        for (int tick = 0; tick <= 4; tick++) {
            int y = bottom - tick * plotH / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, y, left + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", tick / 4.0), x0 + 10, y + 4);
        }
        int groupW = plotW / strategies.size();
        int barW = (groupW - 20) / variants.size();
        for (int s = 0; s < strategies.size(); s++) {
            int gx = left + s * groupW + 10;
            for (int v = 0; v < variants.size(); v++) {
                FinetuneRun.Result r = find(results, stream, strategies.get(s), variants.get(v));
                if (r == null) {
                    continue;
                }
                double value = Math.max(0, Math.min(1, metric.applyAsDouble(r)));
                int h = (int) Math.round(value * plotH);
                g.setColor(VARIANT_COLORS[v % VARIANT_COLORS.length]);
                g.fillRect(gx + v * barW, bottom - h, barW - 2, h);
                g.setColor(Color.BLACK);
                String label = String.format(Locale.ROOT, "%.2f", metric.applyAsDouble(r));
                g.drawString(label, gx + v * barW, bottom - h - 3);
            }
            g.setColor(Color.BLACK);
            g.drawString(strategies.get(s), gx, bottom + 16);
        }
        g.drawLine(left, bottom, left + plotW, bottom);
    }

    private static void legend(Graphics2D g, List<String> variants, int y) {
        int x = MARGIN;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int v = 0; v < variants.size(); v++) {
            g.setColor(VARIANT_COLORS[v % VARIANT_COLORS.length]);
            g.fillRect(x, y, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(variants.get(v), x + 20, y + 12);
            x += 160;
        }
    }

    private static FinetuneRun.Result find(List<FinetuneRun.Result> results, String stream, String strategy,
            String variant) {
        for (FinetuneRun.Result r : results) {
            if (r.stream().equals(stream) && r.strategy().equals(strategy) && r.variant().equals(variant)) {
                return r;
            }
        }
        return null;
    }
}
