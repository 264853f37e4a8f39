# The app's image: build the jar first with ./mvnw package (the build runs on a JDK 21+), then docker compose up.
FROM eclipse-temurin:21-jre
RUN useradd --system --home /var/lib/situation-room situationroom \
    && mkdir -p /var/lib/situation-room && chown situationroom /var/lib/situation-room
COPY target/situation-room-*.jar /opt/situation-room/app.jar
USER situationroom
WORKDIR /var/lib/situation-room
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/situation-room/app.jar"]
