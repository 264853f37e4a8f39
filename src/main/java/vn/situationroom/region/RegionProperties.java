package vn.situationroom.region;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the region's communes and shapes come from.
 *
 * @param geojson a GeoJSON FeatureCollection of communes, each with the properties {@code code}, {@code name} and
 *     optionally {@code full_name} and {@code district}; built in: {@code classpath:region/cau-ngang-communes.geojson}
 *     and {@code classpath:region/tra-vinh-communes.geojson}; any other file with {@code file:/path/to/file.geojson}
 * @param name the region's name on screen; empty takes the {@code district} property of the first commune
 */
@ConfigurationProperties("situationroom.region")
public record RegionProperties(
        @DefaultValue("classpath:region/cau-ngang-communes.geojson")
        Resource geojson,

        @DefaultValue("") String name) {}
