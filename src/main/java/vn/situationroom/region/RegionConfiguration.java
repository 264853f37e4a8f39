package vn.situationroom.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Loads the configured region once at start-up; a bad file stops the start with a message that names it. */
@Configuration(proxyBeanMethods = false)
class RegionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegionConfiguration.class);

    @Bean
    Region region(RegionProperties properties) {
        String source = properties.geojson().getDescription();
        try {
            Region region = RegionLoader.load(properties.geojson().getInputStream(), source, properties.name());
            log.info(
                    "Region {}: {} communes from {}",
                    region.name(),
                    region.communes().size(),
                    source);
            return region;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the region file " + source, e);
        }
    }

    /** The communes' borders, centres and outlines, worked out when first asked for (the space-time scan, a map). */
    @Bean
    @Lazy
    RegionGeometry regionGeometry(Region region) {
        long start = System.nanoTime();
        RegionGeometry geometry = RegionGeometry.of(region);
        log.info(
                "Region {}: borders of {} communes worked out in {} ms",
                region.name(),
                geometry.codes().size(),
                (System.nanoTime() - start) / 1_000_000);
        return geometry;
    }
}
