package com.buildcrm.web;

import com.buildcrm.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The error page of the whole application ({@code WEB-INF/web.xml}): what the container answers by
 * itself — an invalid, expired or tampered token refused by MicroProfile JWT before any resource
 * runs, a request it cannot route — leaves as problem+json like every other API error, never as the
 * server's HTML page. Requested directly it is a plain 404.
 */
@WebServlet(name = "problem-error-page", urlPatterns = "/_problem")
public class ProblemErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404;
        if (status >= 500) {
            // Whatever failed was logged where it failed; the client learns nothing more.
            status = status == 503 ? 503 : 500;
        }
        String title = title(status);
        JsonObjectBuilder body =
                Jsonp.createObjectBuilder()
                        .add("type", ProblemBody.TYPE_BASE + type(status, title))
                        .add("title", title)
                        .add("status", status)
                        .add("detail", detail(status, title));
        if (status == 401 && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        if (!"HEAD".equalsIgnoreCase(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too many requests";
            case 503 -> "Service Unavailable";
            case 500 -> "Internal error";
            default -> "Error";
        };
    }

    private static String type(int status, String title) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 500 -> "internal";
            default -> title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        };
    }

    private static String detail(int status, String title) {
        return switch (status) {
            case 400 -> "The request is not valid";
            case 401 -> "A valid access token is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 500 -> "Something went wrong on our side";
            default -> title;
        };
    }
}
