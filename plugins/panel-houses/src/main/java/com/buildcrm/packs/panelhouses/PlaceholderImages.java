package com.buildcrm.packs.panelhouses;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The default album's images: drawn at runtime (no binary files in the repository) and cached. They
 * are placeholders until the operator uploads real photos.
 */
final class PlaceholderImages {

    static final String WALL_PANEL = "panel-wall.png";
    static final String ASSEMBLY = "panel-assembly.png";
    static final String READY_HOUSE = "panel-house.png";

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    Optional<byte[]> png(String name) {
        if (!name.equals(WALL_PANEL) && !name.equals(ASSEMBLY) && !name.equals(READY_HOUSE)) {
            return Optional.empty();
        }
        return Optional.of(cache.computeIfAbsent(name, PlaceholderImages::draw));
    }

    private static byte[] draw(String name) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0xDDEEFF), 0, HEIGHT, Color.WHITE));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            switch (name) {
                case WALL_PANEL -> drawPanel(g);
                case ASSEMBLY -> drawAssembly(g);
                default -> drawHouse(g);
            }
            label(g, name);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sandwich panel in section: two steel skins with ribs and a foam core. */
    private static void drawPanel(Graphics2D g) {
        int x = 120;
        int y = 120;
        int w = 560;
        int h = 300;
        g.setColor(new Color(0xF2C94C));
        g.fillRect(x, y + 30, w, h - 60);
        g.setColor(new Color(0x9AA5B1));
        g.fillRect(x, y, w, 30);
        g.fillRect(x, y + h - 30, w, 30);
        g.setColor(new Color(0x616E7C));
        g.setStroke(new BasicStroke(3));
        for (int i = x + 20; i < x + w; i += 40) {
            g.drawLine(i, y + 5, i, y + 25);
            g.drawLine(i, y + h - 25, i, y + h - 5);
        }
        g.setColor(new Color(0xE0B33A));
        for (int i = x + 10; i < x + w; i += 25) {
            g.fillOval(i, y + 60 + (i * 7) % 150, 8, 8);
        }
    }

    /** Wall panels being set on a base, one still hanging. */
    private static void drawAssembly(Graphics2D g) {
        g.setColor(new Color(0x8D6E63));
        g.fillRect(80, 440, 640, 30);
        g.setColor(new Color(0xB0BEC5));
        for (int i = 0; i < 6; i++) {
            g.fillRect(100 + i * 85, 220, 75, 220);
        }
        g.setColor(new Color(0x78909C));
        for (int i = 0; i < 6; i++) {
            g.drawRect(100 + i * 85, 220, 75, 220);
        }
        g.setColor(new Color(0x455A64));
        g.setStroke(new BasicStroke(4));
        g.drawLine(640, 60, 640, 120);
        g.setColor(new Color(0xB0BEC5));
        g.fillRect(600, 120, 75, 160);
        g.setColor(new Color(0xF9A825));
        g.fillRect(100, 60, 560, 14);
    }

    /** A finished one-storey house with a pitched roof. */
    private static void drawHouse(Graphics2D g) {
        g.setColor(new Color(0x81C784));
        g.fillRect(0, 470, WIDTH, HEIGHT - 470);
        g.setColor(new Color(0xECEFF1));
        g.fillRect(180, 260, 440, 210);
        g.setColor(new Color(0xC62828));
        g.fillPolygon(new Polygon(new int[] {150, 400, 650}, new int[] {270, 120, 270}, 3));
        g.setColor(new Color(0x64B5F6));
        g.fillRect(230, 310, 90, 80);
        g.fillRect(480, 310, 90, 80);
        g.setColor(new Color(0x6D4C41));
        g.fillRect(365, 350, 70, 120);
        g.setColor(new Color(0xB0BEC5));
        for (int x = 180; x < 620; x += 40) {
            g.drawLine(x, 260, x, 470);
        }
    }

    /** The caption band; Russian when the font can draw it, English otherwise. */
    private static void label(Graphics2D g, String name) {
        String ru =
                switch (name) {
                    case WALL_PANEL -> "Сэндвич-панель 150 мм";
                    case ASSEMBLY -> "Монтаж дома за 5 дней";
                    default -> "Готовый дом из панелей";
                };
        String en =
                switch (name) {
                    case WALL_PANEL -> "Sandwich panel 150 mm";
                    case ASSEMBLY -> "House assembly in 5 days";
                    default -> "Finished panel house";
                };
        try {
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, 36);
            boolean cyrillic = font.canDisplayUpTo(ru) == -1;
            String text = cyrillic ? ru : en;
            g.setColor(new Color(0, 0, 0, 150));
            g.fillRect(0, HEIGHT - 90, WIDTH, 90);
            g.setColor(Color.WHITE);
            g.setFont(font);
            int w = g.getFontMetrics().stringWidth(text);
            g.drawString(text, Math.max(10, (WIDTH - w) / 2), HEIGHT - 32);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            g.drawString(cyrillic ? "образец / placeholder" : "placeholder", 12, 24);
        } catch (RuntimeException | LinkageError | InternalError e) {
            // No usable fonts on this machine (a bare container): the picture goes without text.
        }
    }
}
