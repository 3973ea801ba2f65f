package dev.streamtune.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Draws accuracy curves over experiences as a PNG, headless, with java.awt only. */
final class AccuracyPlot {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final List<Color> PALETTE = List.of(new Color(0x444444), new Color(0x9ecae1), new Color(0x4292c6),
            new Color(0x08519c), new Color(0xfdae6b), new Color(0xf16913), new Color(0xa63603), new Color(0x31a354));

    private AccuracyPlot() {}

    /**
     * @param curves method → average accuracy after each experience (values in [0, 1])
     * @param reference a horizontal dashed reference line (e.g. joint training), or NaN for none
     */
    static void write(Path file, String title, Map<String, double[]> curves, String referenceName, double reference)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int points = curves.values().iterator().next().length;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int tick = 0; tick <= 10; tick++) {
            int y = TOP + plotH - tick * plotH / 10;
            g.setColor(new Color(0xe5e5e5));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", tick / 10.0), LEFT - 30, y + 4);
        }
        for (int i = 0; i < points; i++) {
            int x = xOf(i, points, plotW);
            g.drawString(Integer.toString(i + 1), x - 3, TOP + plotH + 20);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, TOP - 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("experiences trained (2 new classes each)", LEFT + plotW / 2 - 120, HEIGHT - 15);
        g.rotate(-Math.PI / 2);
        g.drawString("average accuracy on the experiences seen", -TOP - plotH / 2 - 120, 20);
        g.rotate(Math.PI / 2);
        int legendY = TOP + 10;
        int c = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            Color color = PALETTE.get(c++ % PALETTE.size());
            g.setColor(color);
            g.setStroke(new BasicStroke(2.2f));
            double[] v = curve.getValue();
            for (int i = 0; i < v.length; i++) {
                int x = xOf(i, points, plotW);
                int y = TOP + plotH - (int) Math.round(v[i] * plotH);
                g.fillOval(x - 3, y - 3, 7, 7);
                if (i > 0) {
                    g.drawLine(xOf(i - 1, points, plotW), TOP + plotH - (int) Math.round(v[i - 1] * plotH), x, y);
                }
            }
            legend(g, color, curve.getKey(), LEFT + plotW + 20, legendY, false);
            legendY += 22;
        }
        if (!Double.isNaN(reference)) {
            int y = TOP + plotH - (int) Math.round(reference * plotH);
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            legend(g, Color.RED, referenceName, LEFT + plotW + 20, legendY, true);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void legend(Graphics2D g, Color color, String text, int x, int y, boolean dashed) {
        g.setColor(color);
        if (dashed) {
            g.drawLine(x, y, x + 24, y);
        } else {
            g.setStroke(new BasicStroke(2.2f));
            g.drawLine(x, y, x + 24, y);
        }
        g.setColor(Color.BLACK);
        g.drawString(text, x + 32, y + 5);
    }

    private static int xOf(int i, int points, int plotW) {
        return LEFT + 30 + i * (plotW - 60) / Math.max(1, points - 1);
    }
}
