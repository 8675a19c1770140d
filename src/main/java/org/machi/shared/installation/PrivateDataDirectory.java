package org.machi.shared.installation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The data folder (the embedded database, mail files, keys) is readable by this system user only:
 * created owner-only before anything writes into it, and narrowed at every start if it was made
 * wider. Registered in {@code META-INF/spring.factories}, since it must run before the database opens.
 */
public class PrivateDataDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String configured = event.getEnvironment().getProperty("machi.data-dir");
        if (configured != null && !configured.isBlank()) {
            makePrivate(Path.of(configured));
        }
    }

    static void makePrivate(Path directory) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(directory);
                }
            }
            if (posix && !Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the data folder " + directory + " private", e);
        }
    }
}
