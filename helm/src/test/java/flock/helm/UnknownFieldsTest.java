package flock.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

    @Test
    void should_name_a_misplaced_field_that_the_lenient_parse_kept() {
        var objects = Chart.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replica: 3
                  template:
                    spec:
                      containers:
                        - name: api
                          image: flock
                          imagePullPolicy: Always
                          env:
                            - name: A
                              vaule: b
                """);

        assertThat(UnknownFields.of(objects.get(0)))
                .containsExactlyInAnyOrder(
                        "Deployment.spec.replica", "Deployment.spec.template.spec.containers[0].env[0].vaule");
    }

    @Test
    void should_find_nothing_in_a_correct_object() {
        var objects = Chart.parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: fine
                spec:
                  ports:
                    - port: 80
                """);

        assertThat(UnknownFields.of(objects.get(0))).isEmpty();
    }
}
