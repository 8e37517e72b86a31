{{/* Names and labels shared by every object of the release. */}}
{{- define "flock.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "flock.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "flock.memberSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: member
{{- end -}}

{{- define "flock.apiSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: api
{{- end -}}

{{- define "flock.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* The members' headless Service: stable DNS names for each member, and the Kubernetes discovery's lookup. */}}
{{- define "flock.membersService" -}}
{{ include "flock.fullname" . }}-members
{{- end -}}

{{/* The API nodes' first contacts: every member the StatefulSet starts; the client learns the rest itself. */}}
{{- define "flock.memberAddresses" -}}
{{- $service := include "flock.membersService" . -}}
{{- $fullname := include "flock.fullname" . -}}
{{- $addresses := list -}}
{{- range $i := until (int .Values.members.replicas) -}}
{{- $addresses = append $addresses (printf "%s-member-%d.%s.%s.svc:%d" $fullname $i $service $.Release.Namespace (int $.Values.members.port)) -}}
{{- end -}}
{{- join "," $addresses -}}
{{- end -}}

{{- define "flock.cassandraSecret" -}}
{{ .Values.cassandra.existingSecret | default (printf "%s-cassandra" (include "flock.fullname" .)) }}
{{- end -}}

{{- define "flock.objectStorageSecret" -}}
{{ .Values.objectStorage.existingSecret | default (printf "%s-object-storage" (include "flock.fullname" .)) }}
{{- end -}}

{{- define "flock.adminSecret" -}}
{{ .Values.admin.existingSecret | default (printf "%s-admin" (include "flock.fullname" .)) }}
{{- end -}}
