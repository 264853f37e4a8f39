package vn.situationroom.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.situationroom.platform.Json;

/**
 * The communes' shapes as geometry (JTS): which communes border each other, each commune's centre, and the outline of
 * several communes as one shape. Built from the region's GeoJSON; communes whose boundaries come within
 * {@link #TOUCHING} degrees (about 20 m) of each other border each other, so that the small gaps and overlaps of
 * surveyed boundaries do not break a border.
 */
public final class RegionGeometry {

    /** How close two boundaries must come to count as one border, in degrees. */
    static final double TOUCHING = 0.0002;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final List<String> codes;
    private final Map<String, Integer> index = new HashMap<>();
    private final Geometry[] shapes;
    private final double[][] centres;
    private final int[][] borders;

    private RegionGeometry(List<String> codes, Geometry[] shapes) {
        this.codes = List.copyOf(codes);
        this.shapes = shapes;
        for (int i = 0; i < codes.size(); i++) {
            index.put(codes.get(i), i);
        }
        this.centres = new double[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            Coordinate centre = shapes[i].getInteriorPoint().getCoordinate();
            centres[i] = new double[] {centre.x, centre.y};
        }
        this.borders = borders(shapes);
    }

    /** The geometry of the region's communes, in the region's order. */
    public static RegionGeometry of(Region region) {
        JsonNode root = Json.MAPPER.readTree(region.geoJson());
        Map<String, Geometry> byCode = new HashMap<>();
        for (JsonNode feature : root.path("features")) {
            String code = feature.path("properties").path("code").asString("").strip();
            byCode.put(code, geometry(feature.path("geometry")));
        }
        List<String> codes = region.communes().stream().map(Commune::code).toList();
        Geometry[] shapes = codes.stream().map(byCode::get).toArray(Geometry[]::new);
        return new RegionGeometry(codes, shapes);
    }

    /** The communes' codes; a commune's index in the other answers is its place here. */
    public List<String> codes() {
        return codes;
    }

    /** Each commune's centre (longitude, latitude): a point inside it. */
    public double[][] centres() {
        return centres;
    }

    /** Each commune's bordering communes, by index. */
    public int[][] borders() {
        return borders;
    }

    /** The codes of the communes bordering this one. */
    public List<String> bordering(String code) {
        Integer at = index.get(code);
        if (at == null) {
            return List.of();
        }
        List<String> neighbours = new ArrayList<>();
        for (int i : borders[at]) {
            neighbours.add(codes.get(i));
        }
        return neighbours;
    }

    /**
     * The outline of these communes as one GeoJSON geometry (a Polygon, or a MultiPolygon where they do not touch),
     * their union with the gaps between bordering communes closed.
     *
     * @throws IllegalArgumentException a code that is not a commune of the region
     */
    public ObjectNode outline(Collection<String> communeCodes) {
        List<Geometry> parts = new ArrayList<>();
        for (String code : communeCodes) {
            Integer at = index.get(code);
            if (at == null) {
                throw new IllegalArgumentException("not a commune of the region: " + code);
            }
            parts.add(shapes[at].buffer(TOUCHING / 2));
        }
        Geometry union = UnaryUnionOp.union(parts).buffer(-TOUCHING / 2);
        return geoJson(union);
    }

    private static int[][] borders(Geometry[] shapes) {
        STRtree tree = new STRtree();
        for (int i = 0; i < shapes.length; i++) {
            tree.insert(shapes[i].getEnvelopeInternal(), i);
        }
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (int i = 0; i < shapes.length; i++) {
            var envelope = shapes[i].getEnvelopeInternal().copy();
            envelope.expandBy(TOUCHING);
            PreparedGeometry near = PreparedGeometryFactory.prepare(shapes[i].buffer(TOUCHING));
            for (Object found : tree.query(envelope)) {
                int j = (Integer) found;
                if (j > i && near.intersects(shapes[j])) {
                    neighbours.get(i).add(j);
                    neighbours.get(j).add(i);
                }
            }
        }
        return neighbours.stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).sorted().toArray())
                .toArray(int[][]::new);
    }

    private static Geometry geometry(JsonNode node) {
        JsonNode coordinates = node.path("coordinates");
        if ("MultiPolygon".equals(node.path("type").asString(""))) {
            Polygon[] polygons = new Polygon[coordinates.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = polygon(coordinates.get(i));
            }
            return FACTORY.createMultiPolygon(polygons);
        }
        return polygon(coordinates);
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(
                    points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return FACTORY.createLinearRing(coordinates);
    }

    private static ObjectNode geoJson(Geometry geometry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (geometry instanceof Polygon polygon) {
            node.put("type", "Polygon");
            rings(node.putArray("coordinates"), polygon);
        } else {
            node.put("type", "MultiPolygon");
            ArrayNode polygons = node.putArray("coordinates");
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                    rings(polygons.addArray(), polygon);
                }
            }
        }
        return node;
    }

    private static void rings(ArrayNode rings, Polygon polygon) {
        ring(rings.addArray(), polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(rings.addArray(), polygon.getInteriorRingN(i).getCoordinates());
        }
    }

    private static void ring(ArrayNode ring, Coordinate[] coordinates) {
        for (Coordinate coordinate : coordinates) {
            // Six decimals: about 10 cm, as much as a map needs.
            ring.addArray().add(Math.round(coordinate.x * 1e6) / 1e6).add(Math.round(coordinate.y * 1e6) / 1e6);
        }
    }
}
