import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace weft. */
export namespace weft {

    /** Namespace switchmodel. */
    namespace switchmodel {

        /**
         * Properties of a SwitchSpec.
         * @deprecated Use weft.switchmodel.SwitchSpec.$Properties instead.
         */
        interface ISwitchSpec extends weft.switchmodel.SwitchSpec.$Properties {
        }

        /** Represents a SwitchSpec. */
        class SwitchSpec {

            /**
             * Constructs a new SwitchSpec.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.SwitchSpec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SwitchSpec name. */
            name: string;

            /** SwitchSpec description. */
            description: string;

            /** SwitchSpec radix. */
            radix: number;

            /** SwitchSpec portSpeedGbps. */
            portSpeedGbps: number;

            /** SwitchSpec buffer. */
            buffer?: (weft.switchmodel.Buffer.$Properties|null);

            /** SwitchSpec forwarding. */
            forwarding: weft.switchmodel.ForwardingMode;

            /** SwitchSpec portToPortLatencyNs. */
            portToPortLatencyNs: number;

            /** SwitchSpec classes. */
            classes: weft.switchmodel.TrafficClass.$Properties[];

            /** SwitchSpec loadBalancing. */
            loadBalancing?: (weft.switchmodel.LoadBalancing.$Properties|null);

            /** SwitchSpec int. */
            int?: (weft.switchmodel.InbandTelemetry.$Properties|null);

            /** SwitchSpec sources. */
            sources: weft.switchmodel.Source.$Properties[];

            /**
             * Creates a new SwitchSpec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SwitchSpec instance
             */
            static create(properties: weft.switchmodel.SwitchSpec.$Shape): weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape;
            static create(properties?: weft.switchmodel.SwitchSpec.$Properties): weft.switchmodel.SwitchSpec;

            /**
             * Encodes the specified SwitchSpec message. Does not implicitly {@link weft.switchmodel.SwitchSpec.verify|verify} messages.
             * @param message SwitchSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.SwitchSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SwitchSpec message, length delimited. Does not implicitly {@link weft.switchmodel.SwitchSpec.verify|verify} messages.
             * @param message SwitchSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.SwitchSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SwitchSpec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape} SwitchSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape;

            /**
             * Decodes a SwitchSpec message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape} SwitchSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape;

            /**
             * Verifies a SwitchSpec message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SwitchSpec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SwitchSpec
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.SwitchSpec;

            /**
             * Creates a plain object from a SwitchSpec message. Also converts values to other types if specified.
             * @param message SwitchSpec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.SwitchSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SwitchSpec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SwitchSpec
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SwitchSpec {

            /** Properties of a SwitchSpec. */
            interface $Properties {

                /** SwitchSpec name */
                name?: (string|null);

                /** SwitchSpec description */
                description?: (string|null);

                /** SwitchSpec radix */
                radix?: (number|null);

                /** SwitchSpec portSpeedGbps */
                portSpeedGbps?: (number|null);

                /** SwitchSpec buffer */
                buffer?: (weft.switchmodel.Buffer.$Properties|null);

                /** SwitchSpec forwarding */
                forwarding?: (weft.switchmodel.ForwardingMode|null);

                /** SwitchSpec portToPortLatencyNs */
                portToPortLatencyNs?: (number|null);

                /** SwitchSpec classes */
                classes?: (weft.switchmodel.TrafficClass.$Properties[]|null);

                /** SwitchSpec loadBalancing */
                loadBalancing?: (weft.switchmodel.LoadBalancing.$Properties|null);

                /** SwitchSpec int */
                int?: (weft.switchmodel.InbandTelemetry.$Properties|null);

                /** SwitchSpec sources */
                sources?: (weft.switchmodel.Source.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SwitchSpec. */
            type $Shape = weft.switchmodel.SwitchSpec.$Properties;
        }

        /** ForwardingMode enum. */
        enum ForwardingMode {

            /** CUT_THROUGH value */
            CUT_THROUGH = 0,

            /** STORE_AND_FORWARD value */
            STORE_AND_FORWARD = 1
        }

        /**
         * Properties of a Buffer.
         * @deprecated Use weft.switchmodel.Buffer.$Properties instead.
         */
        interface IBuffer extends weft.switchmodel.Buffer.$Properties {
        }

        /** Represents a Buffer. */
        class Buffer {

            /**
             * Constructs a new Buffer.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.Buffer.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Buffer sharedBytes. */
            sharedBytes: (number|Long);

            /** Buffer reservedPerPortClassBytes. */
            reservedPerPortClassBytes: number;

            /** Buffer pfcHeadroomPerPortClassBytes. */
            pfcHeadroomPerPortClassBytes: number;

            /** Buffer dynamicThresholdAlpha. */
            dynamicThresholdAlpha: number;

            /**
             * Creates a new Buffer instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Buffer instance
             */
            static create(properties: weft.switchmodel.Buffer.$Shape): weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape;
            static create(properties?: weft.switchmodel.Buffer.$Properties): weft.switchmodel.Buffer;

            /**
             * Encodes the specified Buffer message. Does not implicitly {@link weft.switchmodel.Buffer.verify|verify} messages.
             * @param message Buffer message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.Buffer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Buffer message, length delimited. Does not implicitly {@link weft.switchmodel.Buffer.verify|verify} messages.
             * @param message Buffer message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.Buffer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Buffer message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape} Buffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape;

            /**
             * Decodes a Buffer message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape} Buffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape;

            /**
             * Verifies a Buffer message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Buffer message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Buffer
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.Buffer;

            /**
             * Creates a plain object from a Buffer message. Also converts values to other types if specified.
             * @param message Buffer
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.Buffer, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Buffer to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Buffer
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Buffer {

            /** Properties of a Buffer. */
            interface $Properties {

                /** Buffer sharedBytes */
                sharedBytes?: (number|Long|null);

                /** Buffer reservedPerPortClassBytes */
                reservedPerPortClassBytes?: (number|null);

                /** Buffer pfcHeadroomPerPortClassBytes */
                pfcHeadroomPerPortClassBytes?: (number|null);

                /** Buffer dynamicThresholdAlpha */
                dynamicThresholdAlpha?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Buffer. */
            type $Shape = weft.switchmodel.Buffer.$Properties;
        }

        /** Scheduling enum. */
        enum Scheduling {

            /** DWRR value */
            DWRR = 0,

            /** STRICT_PRIORITY value */
            STRICT_PRIORITY = 1
        }

        /**
         * Properties of a TrafficClass.
         * @deprecated Use weft.switchmodel.TrafficClass.$Properties instead.
         */
        interface ITrafficClass extends weft.switchmodel.TrafficClass.$Properties {
        }

        /** Represents a TrafficClass. */
        class TrafficClass {

            /**
             * Constructs a new TrafficClass.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.TrafficClass.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrafficClass id. */
            id: number;

            /** TrafficClass scheduling. */
            scheduling: weft.switchmodel.Scheduling;

            /** TrafficClass dwrrWeight. */
            dwrrWeight: number;

            /** TrafficClass lossless. */
            lossless: boolean;

            /** TrafficClass ecn. */
            ecn?: (weft.switchmodel.Ecn.$Properties|null);

            /** TrafficClass pfc. */
            pfc?: (weft.switchmodel.Pfc.$Properties|null);

            /**
             * Creates a new TrafficClass instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrafficClass instance
             */
            static create(properties: weft.switchmodel.TrafficClass.$Shape): weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape;
            static create(properties?: weft.switchmodel.TrafficClass.$Properties): weft.switchmodel.TrafficClass;

            /**
             * Encodes the specified TrafficClass message. Does not implicitly {@link weft.switchmodel.TrafficClass.verify|verify} messages.
             * @param message TrafficClass message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.TrafficClass.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TrafficClass message, length delimited. Does not implicitly {@link weft.switchmodel.TrafficClass.verify|verify} messages.
             * @param message TrafficClass message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.TrafficClass.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrafficClass message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape} TrafficClass
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape;

            /**
             * Decodes a TrafficClass message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape} TrafficClass
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape;

            /**
             * Verifies a TrafficClass message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TrafficClass message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TrafficClass
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.TrafficClass;

            /**
             * Creates a plain object from a TrafficClass message. Also converts values to other types if specified.
             * @param message TrafficClass
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.TrafficClass, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TrafficClass to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TrafficClass
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TrafficClass {

            /** Properties of a TrafficClass. */
            interface $Properties {

                /** TrafficClass id */
                id?: (number|null);

                /** TrafficClass scheduling */
                scheduling?: (weft.switchmodel.Scheduling|null);

                /** TrafficClass dwrrWeight */
                dwrrWeight?: (number|null);

                /** TrafficClass lossless */
                lossless?: (boolean|null);

                /** TrafficClass ecn */
                ecn?: (weft.switchmodel.Ecn.$Properties|null);

                /** TrafficClass pfc */
                pfc?: (weft.switchmodel.Pfc.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TrafficClass. */
            type $Shape = weft.switchmodel.TrafficClass.$Properties;
        }

        /**
         * Properties of an Ecn.
         * @deprecated Use weft.switchmodel.Ecn.$Properties instead.
         */
        interface IEcn extends weft.switchmodel.Ecn.$Properties {
        }

        /** Represents an Ecn. */
        class Ecn {

            /**
             * Constructs a new Ecn.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.Ecn.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ecn enabled. */
            enabled: boolean;

            /** Ecn kminBytes. */
            kminBytes: number;

            /** Ecn kmaxBytes. */
            kmaxBytes: number;

            /** Ecn pmax. */
            pmax: number;

            /**
             * Creates a new Ecn instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ecn instance
             */
            static create(properties: weft.switchmodel.Ecn.$Shape): weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape;
            static create(properties?: weft.switchmodel.Ecn.$Properties): weft.switchmodel.Ecn;

            /**
             * Encodes the specified Ecn message. Does not implicitly {@link weft.switchmodel.Ecn.verify|verify} messages.
             * @param message Ecn message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.Ecn.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Ecn message, length delimited. Does not implicitly {@link weft.switchmodel.Ecn.verify|verify} messages.
             * @param message Ecn message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.Ecn.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ecn message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape} Ecn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape;

            /**
             * Decodes an Ecn message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape} Ecn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape;

            /**
             * Verifies an Ecn message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Ecn message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ecn
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.Ecn;

            /**
             * Creates a plain object from an Ecn message. Also converts values to other types if specified.
             * @param message Ecn
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.Ecn, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ecn to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Ecn
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ecn {

            /** Properties of an Ecn. */
            interface $Properties {

                /** Ecn enabled */
                enabled?: (boolean|null);

                /** Ecn kminBytes */
                kminBytes?: (number|null);

                /** Ecn kmaxBytes */
                kmaxBytes?: (number|null);

                /** Ecn pmax */
                pmax?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Ecn. */
            type $Shape = weft.switchmodel.Ecn.$Properties;
        }

        /**
         * Properties of a Pfc.
         * @deprecated Use weft.switchmodel.Pfc.$Properties instead.
         */
        interface IPfc extends weft.switchmodel.Pfc.$Properties {
        }

        /** Represents a Pfc. */
        class Pfc {

            /**
             * Constructs a new Pfc.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.Pfc.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pfc enabled. */
            enabled: boolean;

            /** Pfc xoffBytes. */
            xoffBytes: number;

            /** Pfc xonOffsetBytes. */
            xonOffsetBytes: number;

            /**
             * Creates a new Pfc instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pfc instance
             */
            static create(properties: weft.switchmodel.Pfc.$Shape): weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape;
            static create(properties?: weft.switchmodel.Pfc.$Properties): weft.switchmodel.Pfc;

            /**
             * Encodes the specified Pfc message. Does not implicitly {@link weft.switchmodel.Pfc.verify|verify} messages.
             * @param message Pfc message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.Pfc.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Pfc message, length delimited. Does not implicitly {@link weft.switchmodel.Pfc.verify|verify} messages.
             * @param message Pfc message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.Pfc.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pfc message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape} Pfc
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape;

            /**
             * Decodes a Pfc message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape} Pfc
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape;

            /**
             * Verifies a Pfc message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Pfc message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Pfc
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.Pfc;

            /**
             * Creates a plain object from a Pfc message. Also converts values to other types if specified.
             * @param message Pfc
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.Pfc, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Pfc to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Pfc
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Pfc {

            /** Properties of a Pfc. */
            interface $Properties {

                /** Pfc enabled */
                enabled?: (boolean|null);

                /** Pfc xoffBytes */
                xoffBytes?: (number|null);

                /** Pfc xonOffsetBytes */
                xonOffsetBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pfc. */
            type $Shape = weft.switchmodel.Pfc.$Properties;
        }

        /** LoadBalancingMode enum. */
        enum LoadBalancingMode {

            /** ECMP value */
            ECMP = 0,

            /** PACKET_SPRAY value */
            PACKET_SPRAY = 1,

            /** FLOWLET value */
            FLOWLET = 2,

            /** ADAPTIVE value */
            ADAPTIVE = 3
        }

        /**
         * Properties of a LoadBalancing.
         * @deprecated Use weft.switchmodel.LoadBalancing.$Properties instead.
         */
        interface ILoadBalancing extends weft.switchmodel.LoadBalancing.$Properties {
        }

        /** Represents a LoadBalancing. */
        class LoadBalancing {

            /**
             * Constructs a new LoadBalancing.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.LoadBalancing.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LoadBalancing mode. */
            mode: weft.switchmodel.LoadBalancingMode;

            /** LoadBalancing hashSeed. */
            hashSeed: number;

            /** LoadBalancing flowletGapNs. */
            flowletGapNs: number;

            /** LoadBalancing adaptiveThresholdBytes. */
            adaptiveThresholdBytes: number;

            /**
             * Creates a new LoadBalancing instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LoadBalancing instance
             */
            static create(properties: weft.switchmodel.LoadBalancing.$Shape): weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape;
            static create(properties?: weft.switchmodel.LoadBalancing.$Properties): weft.switchmodel.LoadBalancing;

            /**
             * Encodes the specified LoadBalancing message. Does not implicitly {@link weft.switchmodel.LoadBalancing.verify|verify} messages.
             * @param message LoadBalancing message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.LoadBalancing.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LoadBalancing message, length delimited. Does not implicitly {@link weft.switchmodel.LoadBalancing.verify|verify} messages.
             * @param message LoadBalancing message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.LoadBalancing.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LoadBalancing message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape} LoadBalancing
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape;

            /**
             * Decodes a LoadBalancing message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape} LoadBalancing
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape;

            /**
             * Verifies a LoadBalancing message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LoadBalancing message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LoadBalancing
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.LoadBalancing;

            /**
             * Creates a plain object from a LoadBalancing message. Also converts values to other types if specified.
             * @param message LoadBalancing
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.LoadBalancing, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LoadBalancing to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LoadBalancing
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LoadBalancing {

            /** Properties of a LoadBalancing. */
            interface $Properties {

                /** LoadBalancing mode */
                mode?: (weft.switchmodel.LoadBalancingMode|null);

                /** LoadBalancing hashSeed */
                hashSeed?: (number|null);

                /** LoadBalancing flowletGapNs */
                flowletGapNs?: (number|null);

                /** LoadBalancing adaptiveThresholdBytes */
                adaptiveThresholdBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LoadBalancing. */
            type $Shape = weft.switchmodel.LoadBalancing.$Properties;
        }

        /**
         * Properties of an InbandTelemetry.
         * @deprecated Use weft.switchmodel.InbandTelemetry.$Properties instead.
         */
        interface IInbandTelemetry extends weft.switchmodel.InbandTelemetry.$Properties {
        }

        /** Represents an InbandTelemetry. */
        class InbandTelemetry {

            /**
             * Constructs a new InbandTelemetry.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.InbandTelemetry.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InbandTelemetry enabled. */
            enabled: boolean;

            /** InbandTelemetry bytesPerHop. */
            bytesPerHop: number;

            /**
             * Creates a new InbandTelemetry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InbandTelemetry instance
             */
            static create(properties: weft.switchmodel.InbandTelemetry.$Shape): weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape;
            static create(properties?: weft.switchmodel.InbandTelemetry.$Properties): weft.switchmodel.InbandTelemetry;

            /**
             * Encodes the specified InbandTelemetry message. Does not implicitly {@link weft.switchmodel.InbandTelemetry.verify|verify} messages.
             * @param message InbandTelemetry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.InbandTelemetry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified InbandTelemetry message, length delimited. Does not implicitly {@link weft.switchmodel.InbandTelemetry.verify|verify} messages.
             * @param message InbandTelemetry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.InbandTelemetry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InbandTelemetry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape} InbandTelemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape;

            /**
             * Decodes an InbandTelemetry message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape} InbandTelemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape;

            /**
             * Verifies an InbandTelemetry message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an InbandTelemetry message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InbandTelemetry
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.InbandTelemetry;

            /**
             * Creates a plain object from an InbandTelemetry message. Also converts values to other types if specified.
             * @param message InbandTelemetry
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.InbandTelemetry, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InbandTelemetry to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for InbandTelemetry
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InbandTelemetry {

            /** Properties of an InbandTelemetry. */
            interface $Properties {

                /** InbandTelemetry enabled */
                enabled?: (boolean|null);

                /** InbandTelemetry bytesPerHop */
                bytesPerHop?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InbandTelemetry. */
            type $Shape = weft.switchmodel.InbandTelemetry.$Properties;
        }

        /**
         * Properties of a Source.
         * @deprecated Use weft.switchmodel.Source.$Properties instead.
         */
        interface ISource extends weft.switchmodel.Source.$Properties {
        }

        /** Represents a Source. */
        class Source {

            /**
             * Constructs a new Source.
             * @param [properties] Properties to set
             */
            constructor(properties?: weft.switchmodel.Source.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Source field. */
            field: string;

            /** Source reference. */
            reference: string;

            /**
             * Creates a new Source instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Source instance
             */
            static create(properties: weft.switchmodel.Source.$Shape): weft.switchmodel.Source & weft.switchmodel.Source.$Shape;
            static create(properties?: weft.switchmodel.Source.$Properties): weft.switchmodel.Source;

            /**
             * Encodes the specified Source message. Does not implicitly {@link weft.switchmodel.Source.verify|verify} messages.
             * @param message Source message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: weft.switchmodel.Source.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Source message, length delimited. Does not implicitly {@link weft.switchmodel.Source.verify|verify} messages.
             * @param message Source message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: weft.switchmodel.Source.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Source message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {weft.switchmodel.Source & weft.switchmodel.Source.$Shape} Source
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): weft.switchmodel.Source & weft.switchmodel.Source.$Shape;

            /**
             * Decodes a Source message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Source & weft.switchmodel.Source.$Shape} Source
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): weft.switchmodel.Source & weft.switchmodel.Source.$Shape;

            /**
             * Verifies a Source message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Source message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Source
             */
            static fromObject(object: { [k: string]: any }): weft.switchmodel.Source;

            /**
             * Creates a plain object from a Source message. Also converts values to other types if specified.
             * @param message Source
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: weft.switchmodel.Source, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Source to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Source
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Source {

            /** Properties of a Source. */
            interface $Properties {

                /** Source field */
                field?: (string|null);

                /** Source reference */
                reference?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Source. */
            type $Shape = weft.switchmodel.Source.$Properties;
        }
    }
}
