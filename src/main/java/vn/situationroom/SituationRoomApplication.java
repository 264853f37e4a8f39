package vn.situationroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the situation room: intake, hotspot analytics, history and the live dashboard in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SituationRoomApplication {

    public static void main(String[] args) {
        SpringApplication.run(SituationRoomApplication.class, args);
    }
}
