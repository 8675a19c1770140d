package org.machi.shared.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database, the mail files and the keys lie in a folder only Machi's own user can read. */
class PrivateDataDirectoryTests {

    @TempDir
    Path parent;

    @Test
    void theDataFolderIsCreatedOwnerOnly() throws Exception {
        Path data = parent.resolve("data");
        PrivateDataDirectory.makePrivate(data);
        assertThat(permissions(data)).isEqualTo("rwx------");
    }

    @Test
    void aFolderMadeWiderIsNarrowedAtTheNextStart() throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        PrivateDataDirectory.makePrivate(data);
        assertThat(permissions(data)).isEqualTo("rwx------");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
