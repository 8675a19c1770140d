package org.machi.procedures.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files in a folder ({@code <data-dir>/files}), spread over sub-folders by the key's first two
 * characters. A file is written under a temporary name, forced to disk and then renamed, so a
 * reader never sees half a file and a crash leaves at most a temporary file behind.
 */
class DirectoryFileStore implements FileStore {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");

    private final Path root;
    private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    DirectoryFileStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = path(key);
        try {
            Path folder = target.getParent();
            Files.createDirectories(folder, ownerOnly("rwx------"));
            Path temporary = Files.createTempFile(folder, ".incoming-", ".tmp", ownerOnly("rw-------"));
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store attachment content " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read attachment content " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete attachment content " + key, e);
        }
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private FileAttribute<?>[] ownerOnly(String permissions) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
