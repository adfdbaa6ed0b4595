import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace weft. */
export namespace weft {

    /** Namespace traces. */
    namespace traces {

        /**
         * Properties of a TraceRecord.
         * @deprecated Use weft.traces.TraceRecord.$Properties instead.
         */
        interface ITraceRecord extends weft.traces.TraceRecord.$Properties {
        }

        /** Represents a TraceRecord. */
        class TraceRecord {

            /**
             * Constructs a new TraceRecord.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.TraceRecord.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TraceRecord header. */
            header?: (weft.traces.TraceHeader.$Properties|null);

            /** TraceRecord cluster. */
            cluster?: (weft.traces.ClusterDescription.$Properties|null);

            /** TraceRecord workload. */
            workload?: (weft.traces.WorkloadArrival.$Properties|null);

            /** TraceRecord stream. */
            stream?: (weft.traces.RequestStream.$Properties|null);

            /** TraceRecord request. */
            request?: (weft.traces.Request.$Properties|null);

            /** TraceRecord record. */
            record?: ("header"|"cluster"|"workload"|"stream"|"request");

            /**
             * Creates a new TraceRecord instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TraceRecord instance
             */
            static create(properties: weft.traces.TraceRecord.$Shape): weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape;
            static create(properties?: weft.traces.TraceRecord.$Properties): weft.traces.TraceRecord;

            /**
             * Encodes the specified TraceRecord message. Does not implicitly {@link weft.traces.TraceRecord.verify|verify} messages.
             * @param message TraceRecord message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.TraceRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TraceRecord message, length delimited. Does not implicitly {@link weft.traces.TraceRecord.verify|verify} messages.
             * @param message TraceRecord message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.TraceRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TraceRecord message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape} TraceRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape;

            /**
             * Decodes a TraceRecord message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape} TraceRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.TraceRecord & weft.traces.TraceRecord.$Shape;

            /**
             * Verifies a TraceRecord message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TraceRecord message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TraceRecord
             */
            static fromObject(object: { [k: string]: any }): weft.traces.TraceRecord;

            /**
             * Creates a plain object from a TraceRecord message. Also converts values to other types if specified.
             * @param message TraceRecord
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.TraceRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TraceRecord to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TraceRecord
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TraceRecord {

            /** Properties of a TraceRecord. */
            interface $Properties {

                /** TraceRecord header */
                header?: (weft.traces.TraceHeader.$Properties|null);

                /** TraceRecord cluster */
                cluster?: (weft.traces.ClusterDescription.$Properties|null);

                /** TraceRecord workload */
                workload?: (weft.traces.WorkloadArrival.$Properties|null);

                /** TraceRecord stream */
                stream?: (weft.traces.RequestStream.$Properties|null);

                /** TraceRecord request */
                request?: (weft.traces.Request.$Properties|null);

                /** TraceRecord record */
                record?: ("header"|"cluster"|"workload"|"stream"|"request");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a TraceRecord. */
            type $Shape = {
              header?: weft.traces.TraceHeader.$Shape|null;
              cluster?: weft.traces.ClusterDescription.$Shape|null;
              workload?: weft.traces.WorkloadArrival.$Shape|null;
              stream?: weft.traces.RequestStream.$Shape|null;
              request?: weft.traces.Request.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ record?: undefined; header?: null; cluster?: null; workload?: null; stream?: null; request?: null }|{ record?: "header"; header: weft.traces.TraceHeader.$Shape; cluster?: null; workload?: null; stream?: null; request?: null }|{ record?: "cluster"; header?: null; cluster: weft.traces.ClusterDescription.$Shape; workload?: null; stream?: null; request?: null }|{ record?: "workload"; header?: null; cluster?: null; workload: weft.traces.WorkloadArrival.$Shape; stream?: null; request?: null }|{ record?: "stream"; header?: null; cluster?: null; workload?: null; stream: weft.traces.RequestStream.$Shape; request?: null }|{ record?: "request"; header?: null; cluster?: null; workload?: null; stream?: null; request: weft.traces.Request.$Shape })
            );
        }

        /**
         * Properties of a TraceHeader.
         * @deprecated Use weft.traces.TraceHeader.$Properties instead.
         */
        interface ITraceHeader extends weft.traces.TraceHeader.$Properties {
        }

        /** Represents a TraceHeader. */
        class TraceHeader {

            /**
             * Constructs a new TraceHeader.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.TraceHeader.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TraceHeader formatVersion. */
            formatVersion: number;

            /** TraceHeader name. */
            name: string;

            /** TraceHeader source. */
            source: string;

            /** TraceHeader attribution. */
            attribution: string;

            /** TraceHeader originEpochS. */
            originEpochS?: (number|Long|null);

            /**
             * Creates a new TraceHeader instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TraceHeader instance
             */
            static create(properties: weft.traces.TraceHeader.$Shape): weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape;
            static create(properties?: weft.traces.TraceHeader.$Properties): weft.traces.TraceHeader;

            /**
             * Encodes the specified TraceHeader message. Does not implicitly {@link weft.traces.TraceHeader.verify|verify} messages.
             * @param message TraceHeader message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.TraceHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TraceHeader message, length delimited. Does not implicitly {@link weft.traces.TraceHeader.verify|verify} messages.
             * @param message TraceHeader message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.TraceHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TraceHeader message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape} TraceHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape;

            /**
             * Decodes a TraceHeader message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape} TraceHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.TraceHeader & weft.traces.TraceHeader.$Shape;

            /**
             * Verifies a TraceHeader message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TraceHeader message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TraceHeader
             */
            static fromObject(object: { [k: string]: any }): weft.traces.TraceHeader;

            /**
             * Creates a plain object from a TraceHeader message. Also converts values to other types if specified.
             * @param message TraceHeader
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.TraceHeader, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TraceHeader to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TraceHeader
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TraceHeader {

            /** Properties of a TraceHeader. */
            interface $Properties {

                /** TraceHeader formatVersion */
                formatVersion?: (number|null);

                /** TraceHeader name */
                name?: (string|null);

                /** TraceHeader source */
                source?: (string|null);

                /** TraceHeader attribution */
                attribution?: (string|null);

                /** TraceHeader originEpochS */
                originEpochS?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TraceHeader. */
            type $Shape = weft.traces.TraceHeader.$Properties;
        }

        /**
         * Properties of a ClusterDescription.
         * @deprecated Use weft.traces.ClusterDescription.$Properties instead.
         */
        interface IClusterDescription extends weft.traces.ClusterDescription.$Properties {
        }

        /** Represents a ClusterDescription. */
        class ClusterDescription {

            /**
             * Constructs a new ClusterDescription.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.ClusterDescription.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClusterDescription name. */
            name: string;

            /** ClusterDescription machines. */
            machines: weft.traces.Machine.$Properties[];

            /** ClusterDescription clusterSpecJson. */
            clusterSpecJson?: (string|null);

            /**
             * Creates a new ClusterDescription instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClusterDescription instance
             */
            static create(properties: weft.traces.ClusterDescription.$Shape): weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape;
            static create(properties?: weft.traces.ClusterDescription.$Properties): weft.traces.ClusterDescription;

            /**
             * Encodes the specified ClusterDescription message. Does not implicitly {@link weft.traces.ClusterDescription.verify|verify} messages.
             * @param message ClusterDescription message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.ClusterDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClusterDescription message, length delimited. Does not implicitly {@link weft.traces.ClusterDescription.verify|verify} messages.
             * @param message ClusterDescription message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.ClusterDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClusterDescription message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape} ClusterDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape;

            /**
             * Decodes a ClusterDescription message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape} ClusterDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.ClusterDescription & weft.traces.ClusterDescription.$Shape;

            /**
             * Verifies a ClusterDescription message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ClusterDescription message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ClusterDescription
             */
            static fromObject(object: { [k: string]: any }): weft.traces.ClusterDescription;

            /**
             * Creates a plain object from a ClusterDescription message. Also converts values to other types if specified.
             * @param message ClusterDescription
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.ClusterDescription, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClusterDescription to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClusterDescription
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClusterDescription {

            /** Properties of a ClusterDescription. */
            interface $Properties {

                /** ClusterDescription name */
                name?: (string|null);

                /** ClusterDescription machines */
                machines?: (weft.traces.Machine.$Properties[]|null);

                /** ClusterDescription clusterSpecJson */
                clusterSpecJson?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClusterDescription. */
            type $Shape = weft.traces.ClusterDescription.$Properties;
        }

        /**
         * Properties of a Machine.
         * @deprecated Use weft.traces.Machine.$Properties instead.
         */
        interface IMachine extends weft.traces.Machine.$Properties {
        }

        /** Represents a Machine. */
        class Machine {

            /**
             * Constructs a new Machine.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.Machine.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Machine name. */
            name: string;

            /** Machine gpuType. */
            gpuType: string;

            /** Machine gpus. */
            gpus: number;

            /** Machine cpus. */
            cpus: number;

            /** Machine memoryGib. */
            memoryGib?: (number|null);

            /**
             * Creates a new Machine instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Machine instance
             */
            static create(properties: weft.traces.Machine.$Shape): weft.traces.Machine & weft.traces.Machine.$Shape;
            static create(properties?: weft.traces.Machine.$Properties): weft.traces.Machine;

            /**
             * Encodes the specified Machine message. Does not implicitly {@link weft.traces.Machine.verify|verify} messages.
             * @param message Machine message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.Machine.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Machine message, length delimited. Does not implicitly {@link weft.traces.Machine.verify|verify} messages.
             * @param message Machine message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.Machine.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Machine message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.Machine & weft.traces.Machine.$Shape} Machine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.Machine & weft.traces.Machine.$Shape;

            /**
             * Decodes a Machine message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.Machine & weft.traces.Machine.$Shape} Machine
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.Machine & weft.traces.Machine.$Shape;

            /**
             * Verifies a Machine message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Machine message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Machine
             */
            static fromObject(object: { [k: string]: any }): weft.traces.Machine;

            /**
             * Creates a plain object from a Machine message. Also converts values to other types if specified.
             * @param message Machine
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.Machine, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Machine to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Machine
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Machine {

            /** Properties of a Machine. */
            interface $Properties {

                /** Machine name */
                name?: (string|null);

                /** Machine gpuType */
                gpuType?: (string|null);

                /** Machine gpus */
                gpus?: (number|null);

                /** Machine cpus */
                cpus?: (number|null);

                /** Machine memoryGib */
                memoryGib?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Machine. */
            type $Shape = weft.traces.Machine.$Properties;
        }

        /**
         * Properties of a WorkloadArrival.
         * @deprecated Use weft.traces.WorkloadArrival.$Properties instead.
         */
        interface IWorkloadArrival extends weft.traces.WorkloadArrival.$Properties {
        }

        /** Represents a WorkloadArrival. */
        class WorkloadArrival {

            /**
             * Constructs a new WorkloadArrival.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.WorkloadArrival.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WorkloadArrival id. */
            id: string;

            /** WorkloadArrival arrivalNs. */
            arrivalNs: (number|Long);

            /** WorkloadArrival user. */
            user: string;

            /** WorkloadArrival queue. */
            queue: string;

            /** WorkloadArrival priority. */
            priority: number;

            /** WorkloadArrival training. */
            training?: (weft.traces.TrainingJob.$Properties|null);

            /** WorkloadArrival inference. */
            inference?: (weft.traces.InferenceService.$Properties|null);

            /** WorkloadArrival recorded. */
            recorded?: (weft.traces.RecordedOutcome.$Properties|null);

            /** WorkloadArrival spec. */
            spec?: ("training"|"inference");

            /**
             * Creates a new WorkloadArrival instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkloadArrival instance
             */
            static create(properties: weft.traces.WorkloadArrival.$Shape): weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape;
            static create(properties?: weft.traces.WorkloadArrival.$Properties): weft.traces.WorkloadArrival;

            /**
             * Encodes the specified WorkloadArrival message. Does not implicitly {@link weft.traces.WorkloadArrival.verify|verify} messages.
             * @param message WorkloadArrival message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.WorkloadArrival.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified WorkloadArrival message, length delimited. Does not implicitly {@link weft.traces.WorkloadArrival.verify|verify} messages.
             * @param message WorkloadArrival message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.WorkloadArrival.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkloadArrival message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape} WorkloadArrival
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape;

            /**
             * Decodes a WorkloadArrival message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape} WorkloadArrival
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.WorkloadArrival & weft.traces.WorkloadArrival.$Shape;

            /**
             * Verifies a WorkloadArrival message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WorkloadArrival message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkloadArrival
             */
            static fromObject(object: { [k: string]: any }): weft.traces.WorkloadArrival;

            /**
             * Creates a plain object from a WorkloadArrival message. Also converts values to other types if specified.
             * @param message WorkloadArrival
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.WorkloadArrival, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkloadArrival to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for WorkloadArrival
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WorkloadArrival {

            /** Properties of a WorkloadArrival. */
            interface $Properties {

                /** WorkloadArrival id */
                id?: (string|null);

                /** WorkloadArrival arrivalNs */
                arrivalNs?: (number|Long|null);

                /** WorkloadArrival user */
                user?: (string|null);

                /** WorkloadArrival queue */
                queue?: (string|null);

                /** WorkloadArrival priority */
                priority?: (number|null);

                /** WorkloadArrival training */
                training?: (weft.traces.TrainingJob.$Properties|null);

                /** WorkloadArrival inference */
                inference?: (weft.traces.InferenceService.$Properties|null);

                /** WorkloadArrival recorded */
                recorded?: (weft.traces.RecordedOutcome.$Properties|null);

                /** WorkloadArrival spec */
                spec?: ("training"|"inference");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a WorkloadArrival. */
            type $Shape = {
              id?: string|null;
              arrivalNs?: number|Long|null;
              user?: string|null;
              queue?: string|null;
              priority?: number|null;
              training?: weft.traces.TrainingJob.$Shape|null;
              inference?: weft.traces.InferenceService.$Shape|null;
              recorded?: weft.traces.RecordedOutcome.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ spec?: undefined; training?: null; inference?: null }|{ spec?: "training"; training: weft.traces.TrainingJob.$Shape; inference?: null }|{ spec?: "inference"; training?: null; inference: weft.traces.InferenceService.$Shape })
            );
        }

        /**
         * Properties of a TrainingJob.
         * @deprecated Use weft.traces.TrainingJob.$Properties instead.
         */
        interface ITrainingJob extends weft.traces.TrainingJob.$Properties {
        }

        /** Represents a TrainingJob. */
        class TrainingJob {

            /**
             * Constructs a new TrainingJob.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.TrainingJob.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrainingJob gpus. */
            gpus: number;

            /** TrainingJob nodes. */
            nodes: number;

            /** TrainingJob cpus. */
            cpus: number;

            /** TrainingJob gpuType. */
            gpuType: string;

            /** TrainingJob modelClass. */
            modelClass: string;

            /** TrainingJob application. */
            application: string;

            /** TrainingJob batchSize. */
            batchSize: number;

            /**
             * Creates a new TrainingJob instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrainingJob instance
             */
            static create(properties: weft.traces.TrainingJob.$Shape): weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape;
            static create(properties?: weft.traces.TrainingJob.$Properties): weft.traces.TrainingJob;

            /**
             * Encodes the specified TrainingJob message. Does not implicitly {@link weft.traces.TrainingJob.verify|verify} messages.
             * @param message TrainingJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.TrainingJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TrainingJob message, length delimited. Does not implicitly {@link weft.traces.TrainingJob.verify|verify} messages.
             * @param message TrainingJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.TrainingJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrainingJob message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape} TrainingJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape;

            /**
             * Decodes a TrainingJob message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape} TrainingJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.TrainingJob & weft.traces.TrainingJob.$Shape;

            /**
             * Verifies a TrainingJob message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TrainingJob message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TrainingJob
             */
            static fromObject(object: { [k: string]: any }): weft.traces.TrainingJob;

            /**
             * Creates a plain object from a TrainingJob message. Also converts values to other types if specified.
             * @param message TrainingJob
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.TrainingJob, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TrainingJob to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TrainingJob
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TrainingJob {

            /** Properties of a TrainingJob. */
            interface $Properties {

                /** TrainingJob gpus */
                gpus?: (number|null);

                /** TrainingJob nodes */
                nodes?: (number|null);

                /** TrainingJob cpus */
                cpus?: (number|null);

                /** TrainingJob gpuType */
                gpuType?: (string|null);

                /** TrainingJob modelClass */
                modelClass?: (string|null);

                /** TrainingJob application */
                application?: (string|null);

                /** TrainingJob batchSize */
                batchSize?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TrainingJob. */
            type $Shape = weft.traces.TrainingJob.$Properties;
        }

        /**
         * Properties of an InferenceService.
         * @deprecated Use weft.traces.InferenceService.$Properties instead.
         */
        interface IInferenceService extends weft.traces.InferenceService.$Properties {
        }

        /** Represents an InferenceService. */
        class InferenceService {

            /**
             * Constructs a new InferenceService.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.InferenceService.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InferenceService model. */
            model: string;

            /** InferenceService gpuType. */
            gpuType: string;

            /** InferenceService gpusPerReplica. */
            gpusPerReplica: number;

            /** InferenceService replicas. */
            replicas: number;

            /** InferenceService ttftP99Ms. */
            ttftP99Ms: number;

            /** InferenceService tpotP99Ms. */
            tpotP99Ms: number;

            /** InferenceService requestStream. */
            requestStream: string;

            /**
             * Creates a new InferenceService instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InferenceService instance
             */
            static create(properties: weft.traces.InferenceService.$Shape): weft.traces.InferenceService & weft.traces.InferenceService.$Shape;
            static create(properties?: weft.traces.InferenceService.$Properties): weft.traces.InferenceService;

            /**
             * Encodes the specified InferenceService message. Does not implicitly {@link weft.traces.InferenceService.verify|verify} messages.
             * @param message InferenceService message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.InferenceService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified InferenceService message, length delimited. Does not implicitly {@link weft.traces.InferenceService.verify|verify} messages.
             * @param message InferenceService message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.InferenceService.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InferenceService message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.InferenceService & weft.traces.InferenceService.$Shape} InferenceService
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.InferenceService & weft.traces.InferenceService.$Shape;

            /**
             * Decodes an InferenceService message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.InferenceService & weft.traces.InferenceService.$Shape} InferenceService
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.InferenceService & weft.traces.InferenceService.$Shape;

            /**
             * Verifies an InferenceService message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an InferenceService message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InferenceService
             */
            static fromObject(object: { [k: string]: any }): weft.traces.InferenceService;

            /**
             * Creates a plain object from an InferenceService message. Also converts values to other types if specified.
             * @param message InferenceService
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.InferenceService, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InferenceService to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for InferenceService
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InferenceService {

            /** Properties of an InferenceService. */
            interface $Properties {

                /** InferenceService model */
                model?: (string|null);

                /** InferenceService gpuType */
                gpuType?: (string|null);

                /** InferenceService gpusPerReplica */
                gpusPerReplica?: (number|null);

                /** InferenceService replicas */
                replicas?: (number|null);

                /** InferenceService ttftP99Ms */
                ttftP99Ms?: (number|null);

                /** InferenceService tpotP99Ms */
                tpotP99Ms?: (number|null);

                /** InferenceService requestStream */
                requestStream?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InferenceService. */
            type $Shape = weft.traces.InferenceService.$Properties;
        }

        /**
         * Properties of a RecordedOutcome.
         * @deprecated Use weft.traces.RecordedOutcome.$Properties instead.
         */
        interface IRecordedOutcome extends weft.traces.RecordedOutcome.$Properties {
        }

        /** Represents a RecordedOutcome. */
        class RecordedOutcome {

            /**
             * Constructs a new RecordedOutcome.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.RecordedOutcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RecordedOutcome status. */
            status: weft.traces.RecordedOutcome.Status;

            /** RecordedOutcome sourceStatus. */
            sourceStatus: string;

            /** RecordedOutcome queuedNs. */
            queuedNs?: (number|Long|null);

            /** RecordedOutcome runNs. */
            runNs?: (number|Long|null);

            /**
             * Creates a new RecordedOutcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RecordedOutcome instance
             */
            static create(properties: weft.traces.RecordedOutcome.$Shape): weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape;
            static create(properties?: weft.traces.RecordedOutcome.$Properties): weft.traces.RecordedOutcome;

            /**
             * Encodes the specified RecordedOutcome message. Does not implicitly {@link weft.traces.RecordedOutcome.verify|verify} messages.
             * @param message RecordedOutcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.RecordedOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RecordedOutcome message, length delimited. Does not implicitly {@link weft.traces.RecordedOutcome.verify|verify} messages.
             * @param message RecordedOutcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.RecordedOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RecordedOutcome message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape} RecordedOutcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape;

            /**
             * Decodes a RecordedOutcome message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape} RecordedOutcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.RecordedOutcome & weft.traces.RecordedOutcome.$Shape;

            /**
             * Verifies a RecordedOutcome message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RecordedOutcome message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RecordedOutcome
             */
            static fromObject(object: { [k: string]: any }): weft.traces.RecordedOutcome;

            /**
             * Creates a plain object from a RecordedOutcome message. Also converts values to other types if specified.
             * @param message RecordedOutcome
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.RecordedOutcome, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RecordedOutcome to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RecordedOutcome
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RecordedOutcome {

            /** Properties of a RecordedOutcome. */
            interface $Properties {

                /** RecordedOutcome status */
                status?: (weft.traces.RecordedOutcome.Status|null);

                /** RecordedOutcome sourceStatus */
                sourceStatus?: (string|null);

                /** RecordedOutcome queuedNs */
                queuedNs?: (number|Long|null);

                /** RecordedOutcome runNs */
                runNs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RecordedOutcome. */
            type $Shape = weft.traces.RecordedOutcome.$Properties;

            /** Status enum. */
            enum Status {

                /** STATUS_UNSPECIFIED value */
                STATUS_UNSPECIFIED = 0,

                /** COMPLETED value */
                COMPLETED = 1,

                /** FAILED value */
                FAILED = 2,

                /** CANCELLED value */
                CANCELLED = 3,

                /** RUNNING value */
                RUNNING = 4
            }
        }

        /**
         * Properties of a RequestStream.
         * @deprecated Use weft.traces.RequestStream.$Properties instead.
         */
        interface IRequestStream extends weft.traces.RequestStream.$Properties {
        }

        /** Represents a RequestStream. */
        class RequestStream {

            /**
             * Constructs a new RequestStream.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.RequestStream.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RequestStream id. */
            id: string;

            /** RequestStream source. */
            source: string;

            /** RequestStream prefixBlockTokens. */
            prefixBlockTokens: number;

            /**
             * Creates a new RequestStream instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RequestStream instance
             */
            static create(properties: weft.traces.RequestStream.$Shape): weft.traces.RequestStream & weft.traces.RequestStream.$Shape;
            static create(properties?: weft.traces.RequestStream.$Properties): weft.traces.RequestStream;

            /**
             * Encodes the specified RequestStream message. Does not implicitly {@link weft.traces.RequestStream.verify|verify} messages.
             * @param message RequestStream message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.RequestStream.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RequestStream message, length delimited. Does not implicitly {@link weft.traces.RequestStream.verify|verify} messages.
             * @param message RequestStream message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.RequestStream.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RequestStream message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.RequestStream & weft.traces.RequestStream.$Shape} RequestStream
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.RequestStream & weft.traces.RequestStream.$Shape;

            /**
             * Decodes a RequestStream message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.RequestStream & weft.traces.RequestStream.$Shape} RequestStream
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.RequestStream & weft.traces.RequestStream.$Shape;

            /**
             * Verifies a RequestStream message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RequestStream message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RequestStream
             */
            static fromObject(object: { [k: string]: any }): weft.traces.RequestStream;

            /**
             * Creates a plain object from a RequestStream message. Also converts values to other types if specified.
             * @param message RequestStream
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.RequestStream, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RequestStream to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RequestStream
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RequestStream {

            /** Properties of a RequestStream. */
            interface $Properties {

                /** RequestStream id */
                id?: (string|null);

                /** RequestStream source */
                source?: (string|null);

                /** RequestStream prefixBlockTokens */
                prefixBlockTokens?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RequestStream. */
            type $Shape = weft.traces.RequestStream.$Properties;
        }

        /**
         * Properties of a Request.
         * @deprecated Use weft.traces.Request.$Properties instead.
         */
        interface IRequest extends weft.traces.Request.$Properties {
        }

        /** Represents a Request. */
        class Request {

            /**
             * Constructs a new Request.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.traces.Request.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Request stream. */
            stream: string;

            /** Request arrivalNs. */
            arrivalNs: (number|Long);

            /** Request promptTokens. */
            promptTokens: number;

            /** Request outputTokens. */
            outputTokens: number;

            /** Request prefixBlockHashes. */
            prefixBlockHashes: (number|Long)[];

            /**
             * Creates a new Request instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Request instance
             */
            static create(properties: weft.traces.Request.$Shape): weft.traces.Request & weft.traces.Request.$Shape;
            static create(properties?: weft.traces.Request.$Properties): weft.traces.Request;

            /**
             * Encodes the specified Request message. Does not implicitly {@link weft.traces.Request.verify|verify} messages.
             * @param message Request message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.traces.Request.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Request message, length delimited. Does not implicitly {@link weft.traces.Request.verify|verify} messages.
             * @param message Request message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.traces.Request.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Request message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.traces.Request & weft.traces.Request.$Shape} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.traces.Request & weft.traces.Request.$Shape;

            /**
             * Decodes a Request message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.traces.Request & weft.traces.Request.$Shape} Request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.traces.Request & weft.traces.Request.$Shape;

            /**
             * Verifies a Request message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Request message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Request
             */
            static fromObject(object: { [k: string]: any }): weft.traces.Request;

            /**
             * Creates a plain object from a Request message. Also converts values to other types if specified.
             * @param message Request
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.traces.Request, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Request to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Request
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Request {

            /** Properties of a Request. */
            interface $Properties {

                /** Request stream */
                stream?: (string|null);

                /** Request arrivalNs */
                arrivalNs?: (number|Long|null);

                /** Request promptTokens */
                promptTokens?: (number|null);

                /** Request outputTokens */
                outputTokens?: (number|null);

                /** Request prefixBlockHashes */
                prefixBlockHashes?: ((number|Long)[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Request. */
            type $Shape = weft.traces.Request.$Properties;
        }
    }
}
