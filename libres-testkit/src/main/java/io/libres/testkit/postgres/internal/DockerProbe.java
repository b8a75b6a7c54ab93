package io.libres.testkit.postgres.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds out, quickly and quietly and without Testcontainers, whether a Docker engine
 * answers: it asks {@code GET /_ping} on {@code DOCKER_HOST} or on the usual sockets.
 */
public final class DockerProbe {

    private static final int TIMEOUT_MILLIS = 1_500;
    private static final byte[] PING =
            "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Settings settings;

    /**
     * Creates a probe that reads {@code DOCKER_HOST} and {@code HOME} from the settings.
     *
     * @param settings the configuration to read
     */
    public DockerProbe(Settings settings) {
        this.settings = settings;
    }

    /**
     * Looks for an engine that answers.
     *
     * @return where the engine answered, or empty
     */
    public Result probe() {
        Optional<String> dockerHost = settings.get("DOCKER_HOST");
        if (dockerHost.isPresent()) {
            return probeDockerHost(dockerHost.get());
        }
        List<String> tried = new ArrayList<>();
        for (Path socket : defaultSockets()) {
            Result result = probeSocket(socket.toString(), socket);
            if (result.answered()) {
                return result;
            }
            tried.add(result.detail());
        }
        return new Result(false, "DOCKER_HOST is not set and no default socket answered (" + String.join("; ", tried) + ")");
    }

    private Result probeDockerHost(String dockerHost) {
        URI uri;
        try {
            uri = URI.create(dockerHost);
        } catch (IllegalArgumentException e) {
            return new Result(false, "DOCKER_HOST=" + dockerHost + " is not a URI");
        }
        String scheme = String.valueOf(uri.getScheme());
        switch (scheme) {
            case "unix":
                return probeSocket("DOCKER_HOST=" + dockerHost, Path.of(uri.getPath()));
            case "tcp":
            case "http":
            case "https":
                return ping("DOCKER_HOST=" + dockerHost, new InetSocketAddress(uri.getHost(), uri.getPort()), false);
            case "npipe":
                return new Result(Files.exists(Path.of(dockerHost.substring("npipe:".length()))),
                        "DOCKER_HOST=" + dockerHost);
            default:
                return new Result(false, "DOCKER_HOST=" + dockerHost + " has an unknown scheme");
        }
    }

    private List<Path> defaultSockets() {
        List<Path> sockets = new ArrayList<>();
        sockets.add(Path.of("/var/run/docker.sock"));
        settings.get("XDG_RUNTIME_DIR").ifPresent(dir -> sockets.add(Path.of(dir, "docker.sock")));
        settings.get("HOME").ifPresent(home -> {
            sockets.add(Path.of(home, ".docker", "run", "docker.sock"));
            sockets.add(Path.of(home, ".docker", "desktop", "docker.sock"));
        });
        return sockets;
    }

    private static Result probeSocket(String where, Path socket) {
        if (!Files.exists(socket)) {
            return new Result(false, where + ": no such socket");
        }
        return ping(where, UnixDomainSocketAddress.of(socket), true);
    }

    private static Result ping(String where, SocketAddress address, boolean unix) {
        try (SocketChannel channel = unix ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_CONNECT);
            if (!channel.connect(address) && (selector.select(TIMEOUT_MILLIS) == 0 || !channel.finishConnect())) {
                return new Result(false, where + ": no connection within " + TIMEOUT_MILLIS + " ms");
            }
            channel.write(ByteBuffer.wrap(PING));
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer answer = ByteBuffer.allocate(64);
            while (answer.position() < 12 && selector.select(TIMEOUT_MILLIS) > 0) {
                selector.selectedKeys().clear();
                if (channel.read(answer) < 0) {
                    break;
                }
            }
            String status = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            // Any HTTP answer counts: a TLS-only engine answers a plain request with 400, yet it is there.
            boolean answered = status.startsWith("HTTP/");
            return new Result(answered, where + (answered ? ": answered" : ": no Docker answer"));
        } catch (IOException | RuntimeException e) {
            return new Result(false, where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The finding of one probe.
     *
     * @param answered true if an engine answered the ping
     * @param detail where the engine answered, or what was tried
     */
    public record Result(boolean answered, String detail) {
    }
}
