package dev.streamtune.ingest.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The ingest REST API, for OpenAPI ({@code /q/openapi}, Swagger UI at {@code /q/swagger-ui}). */
@OpenAPIDefinition(
        info = @Info(title = "StreamTune ingest API", version = "1",
                description = "Labeled samples in (REST), Kafka out; the model registry."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, apiKeyName = "X-API-Key",
        in = SecuritySchemeIn.HEADER)
public class IngestApi extends Application {}
