package vn.situationroom.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import vn.situationroom.hotspot.HotspotLevel;
import vn.situationroom.platform.Json;

/**
 * The region's communes drawn from their GeoJSON shapes into a PNG, each filled by its level (the colours of the
 * screens) and labelled with its name in a font that has every Vietnamese diacritic; for the printed report, where no
 * browser draws the map.
 */
final class RegionMapImage {

    private static final Color NONE = new Color(HotspotLevel.NO_LEVEL_RGB);
    private static final int MARGIN = 16;

    /** One commune's outline in degrees, and where its name goes. */
    private record Shape(String code, String name, List<double[][]> rings) {}

    private final List<Shape> shapes = new ArrayList<>();
    private final double minLon;
    private final double maxLon;
    private final double minLat;
    private final double maxLat;

    RegionMapImage(String geoJson) {
        double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode feature : Json.MAPPER.readTree(geoJson).path("features")) {
            List<double[][]> rings = new ArrayList<>();
            JsonNode geometry = feature.path("geometry");
            JsonNode polygons = "MultiPolygon".equals(geometry.path("type").asString())
                    ? geometry.path("coordinates")
                    : Json.MAPPER.createArrayNode().add(geometry.path("coordinates"));
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    double[][] points = new double[ring.size()][];
                    for (int i = 0; i < ring.size(); i++) {
                        double lon = ring.get(i).get(0).asDouble();
                        double lat = ring.get(i).get(1).asDouble();
                        points[i] = new double[] {lon, lat};
                        box[0] = Math.min(box[0], lon);
                        box[1] = Math.max(box[1], lon);
                        box[2] = Math.min(box[2], lat);
                        box[3] = Math.max(box[3], lat);
                    }
                    rings.add(points);
                }
            }
            JsonNode properties = feature.path("properties");
            shapes.add(new Shape(
                    properties.path("code").asString(), properties.path("name").asString(), rings));
        }
        minLon = box[0];
        maxLon = box[1];
        minLat = box[2];
        maxLat = box[3];
    }

    /** The map at {@code width} pixels wide, each commune filled by {@code levels} (absent: no activity). */
    byte[] png(int width, Map<String, HotspotLevel> levels) {
        List<Path2D> paths = paths(width);
        int height = (int) Math.ceil((maxLat - minLat) * scale(width)) + 2 * MARGIN;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < shapes.size(); i++) {
                HotspotLevel level = levels.get(shapes.get(i).code());
                g.setColor(level == null ? NONE : new Color(level.rgb()));
                g.fill(paths.get(i));
            }
            g.setColor(new Color(0x37474f));
            g.setStroke(new BasicStroke(1.2f));
            paths.forEach(g::draw);
            g.setFont(labelFont(width));
            FontMetrics metrics = g.getFontMetrics();
            for (Label label : labels(paths, levels, metrics::stringWidth, metrics.getAscent(), metrics.getHeight())) {
                int x = (int) label.box().getX();
                int y = (int) (label.box().getY() + metrics.getAscent());
                g.setColor(new Color(255, 255, 255, 200));
                g.drawString(label.name(), x + 1, y + 1);
                g.setColor(new Color(0x102a43));
                g.drawString(label.name(), x, y);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names the map of {@code width} pixels writes, as {@link #png} places them. */
    List<Label> labels(int width, Map<String, HotspotLevel> levels) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(labelFont(width));
            return labels(paths(width), levels, metrics::stringWidth, metrics.getAscent(), metrics.getHeight());
        } finally {
            g.dispose();
        }
    }

    private Font labelFont(int width) {
        return font().deriveFont(Font.BOLD, Math.max(11f, width / 70f));
    }

    private double scale(int width) {
        double xScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        return (width - 2.0 * MARGIN) / ((maxLon - minLon) * xScale);
    }

    /** Each commune's outline in pixels, in the order of the shapes. */
    private List<Path2D> paths(int width) {
        double xScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = scale(width);
        List<Path2D> paths = new ArrayList<>();
        for (Shape shape : shapes) {
            Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[][] ring : shape.rings()) {
                for (int i = 0; i < ring.length; i++) {
                    double x = MARGIN + (ring[i][0] - minLon) * xScale * scale;
                    double y = MARGIN + (maxLat - ring[i][1]) * scale;
                    if (i == 0) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                }
                path.closePath();
            }
            paths.add(path);
        }
        return paths;
    }

    /** A commune's name as written on the map, in its box. */
    record Label(String code, String name, Rectangle2D box) {}

    /**
     * The names written on the map, none over another: the most severe communes first, then the smaller ones (a large
     * commune's name is the easier to find on the map); a name that would cover one placed before is left out (a
     * province's map of 105 communes, or a country's 3,321, would otherwise be a heap of names).
     */
    List<Label> labels(
            List<Path2D> paths,
            Map<String, HotspotLevel> levels,
            ToIntFunction<String> textWidth,
            int ascent,
            int lineHeight) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> {
                    HotspotLevel level = levels.get(shapes.get(i).code());
                    return level == null ? -1 : level.ordinal();
                })
                .reversed()
                .thenComparing(i -> area(paths.get(i).getBounds2D())));
        List<Label> placed = new ArrayList<>();
        for (int i : order) {
            Rectangle2D bounds = paths.get(i).getBounds2D();
            String name = shapes.get(i).name();
            int width = textWidth.applyAsInt(name);
            Rectangle2D box = new Rectangle2D.Double(
                    bounds.getCenterX() - width / 2.0, bounds.getCenterY() - ascent / 2.0, width, lineHeight);
            if (placed.stream().noneMatch(label -> label.box().intersects(box))) {
                placed.add(new Label(shapes.get(i).code(), name, box));
            }
        }
        return placed;
    }

    private static double area(Rectangle2D bounds) {
        return bounds.getWidth() * bounds.getHeight();
    }

    /** The report's font, which has every Vietnamese diacritic whatever fonts the server has. */
    static Font font() {
        try (InputStream in = RegionMapImage.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("The report's font is missing from the application", e);
        }
    }
}
