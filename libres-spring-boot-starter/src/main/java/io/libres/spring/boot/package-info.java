/**
 * Spring Boot auto-configuration of libres for Java: {@link io.libres.spring.boot.LibresAutoConfiguration}
 * with its {@link io.libres.spring.boot.LibresProperties} ({@code libres.*}), the
 * {@link io.libres.spring.boot.Schedulers} bean and the {@link io.libres.spring.boot.LibresHealthIndicator}.
 */
@NullMarked
package io.libres.spring.boot;

import org.jspecify.annotations.NullMarked;
