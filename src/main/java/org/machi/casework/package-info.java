/** Casework (事務処理) ... */
@org.springframework.modulith.ApplicationModule(displayName = "Casework and counter",
        allowedDependencies = {"shared", "shared :: pdf", "identity", "audit", "procedures"})
package org.machi.casework;
