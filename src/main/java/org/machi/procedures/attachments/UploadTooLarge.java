package org.machi.procedures.attachments;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form sent with a file over the server's upload limit ({@code spring.servlet.multipart.*}) is
 * refused before any controller sees it: the resident gets a 413 page that names the limits and
 * leads back, instead of a general error. A controller may handle the exception itself first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadTooLarge {

    private final MultipartProperties multipart;

    UploadTooLarge(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("procedures/upload-too-large", HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("fileMegabytes", megabytes(multipart.getMaxFileSize()));
        page.addObject("requestMegabytes", megabytes(multipart.getMaxRequestSize()));
        return page;
    }

    private static double megabytes(DataSize size) {
        return size.toBytes() / (1024.0 * 1024.0);
    }
}
