package org.stockroom.support;

import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Pointcut;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a whole transaction again when the database aborted it for a transient reason
 * ({@link TransientFailures}): a few times, with a growing, jittered pause, and only at the
 * outermost transaction, because a transaction the database aborted cannot be continued, only
 * begun again. Covers every {@code @Transactional} method and the {@link TransactionTemplate}, so
 * a feature gets it by declaring its transaction as usual. When every attempt failed, the last
 * failure goes up and the API answers 503 (never 500); nothing of it was committed.
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class TransactionRetry {

    private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

    static final int MAX_RETRIES = 5;

    static RetryTemplate retryTemplate() {
        RetryTemplate template = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(MAX_RETRIES)
                .delay(Duration.ofMillis(20))
                .multiplier(2)
                .maxDelay(Duration.ofMillis(500))
                .jitter(Duration.ofMillis(15))
                .predicate(TransientFailures::isTransient)
                .build());
        template.setRetryListener(new org.springframework.core.retry.RetryListener() {
            @Override
            public void onRetryFailure(
                    RetryPolicy policy, org.springframework.core.retry.Retryable<?> retryable, Throwable failure) {
                log.info("Transaction aborted by the database ({}); trying again", rootMessage(failure));
            }
        });
        return template;
    }

    /** Outside the transaction advisor, so that each attempt is a transaction of its own. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DefaultPointcutAdvisor transactionRetryAdvisor() {
        Pointcut transactional = new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));
        DefaultPointcutAdvisor advisor =
                new DefaultPointcutAdvisor(transactional, new RetryingInterceptor(retryTemplate()));
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return advisor;
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new RetryingTransactionTemplate(transactionManager, retryTemplate());
    }

    private static final class RetryingInterceptor implements MethodInterceptor {
        private final RetryTemplate retry;

        RetryingInterceptor(RetryTemplate retry) {
            this.retry = retry;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    || !(invocation instanceof ProxyMethodInvocation proxied)) {
                return invocation.proceed();
            }
            return attempt(retry, () -> proxied.invocableClone().proceed());
        }
    }

    /** A transaction template whose outermost transactions are retried like the annotated ones. */
    static final class RetryingTransactionTemplate extends TransactionTemplate {
        private final transient RetryTemplate retry;

        RetryingTransactionTemplate(PlatformTransactionManager transactionManager, RetryTemplate retry) {
            super(transactionManager);
            this.retry = retry;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.execute(action);
            }
            try {
                return attempt(retry, () -> super.execute(action));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs {@code work}, again while it fails transiently; then throws its last failure as it was. */
    static <T> T attempt(RetryTemplate retry, org.springframework.core.retry.Retryable<T> work) throws Throwable {
        try {
            return retry.execute(work);
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            throw last != null ? last : e;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
