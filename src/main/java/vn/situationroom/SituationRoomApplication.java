package vn.situationroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the situation room: intake, hotspot analytics, history and the live dashboard in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SituationRoomApplication {

    public static void main(String[] args) {
        SpringApplication.run(SituationRoomApplication.class, args);
    }
}
